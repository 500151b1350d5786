package com.careregistry.web.people;

import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.sla.Deadlines;
import com.careregistry.core.text.Texts;
import com.careregistry.web.Isolate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * NFR-2: the categories customers choose from and agents serve: create, rename, retire, restore,
 * and what each promises (service-level targets).
 */
@Controller
class CategoriesController {

    static final String VIEW = "admin/categories";

    private final ManageCategories categories;
    private final Deadlines deadlines;
    private final Texts texts;

    CategoriesController(ManageCategories categories, Deadlines deadlines, Texts texts) {
        this.categories = categories;
        this.deadlines = deadlines;
        this.texts = texts;
    }

    @GetMapping("/admin/categories")
    String categories(Model model) {
        model.addAttribute("categories", categories.all());
        model.addAttribute("businessHours", deadlines.hours().describe(LocaleContextHolder.getLocale()));
        return VIEW;
    }

    /** What the category promises: first answer and resolution within so much working time. */
    @PostMapping("/admin/categories/{id}/targets")
    String targets(@PathVariable Long id, @RequestParam(defaultValue = "") String firstResponse,
                   @RequestParam(defaultValue = "") String resolution, RedirectAttributes redirect) {
        CategoryView category = categories.promise(id, firstResponse, resolution);
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.categories.targets.saved",
                Isolate.text(category.name())));
        return "redirect:/admin/categories";
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
