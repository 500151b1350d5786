package com.careregistry.web.people;

import com.careregistry.core.category.ManageCategories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** NFR-2: the categories customers choose from and agents serve: create, rename, retire, restore. */
@Controller
class CategoriesController {

    static final String VIEW = "admin/categories";

    private final ManageCategories categories;

    CategoriesController(ManageCategories categories) {
        this.categories = categories;
    }

    @GetMapping("/admin/categories")
    String categories(Model model) {
        model.addAttribute("categories", categories.all());
        return VIEW;
    }

    @PostMapping("/admin/categories")
    String create(@RequestParam(defaultValue = "") String name) {
        categories.create(name);
        return "redirect:/admin/categories";
    }

    @PostMapping("/admin/categories/{id}/rename")
    String rename(@PathVariable Long id, @RequestParam(defaultValue = "") String name) {
        categories.rename(id, name);
        return "redirect:/admin/categories";
    }

    @PostMapping("/admin/categories/{id}/retire")
    String retire(@PathVariable Long id) {
        categories.retire(id);
        return "redirect:/admin/categories";
    }

    @PostMapping("/admin/categories/{id}/restore")
    String restore(@PathVariable Long id) {
        categories.restore(id);
        return "redirect:/admin/categories";
    }
}
