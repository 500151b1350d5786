package com.careregistry.web.people;

import com.careregistry.core.article.ArticleCommand;
import com.careregistry.core.article.ArticleView;
import com.careregistry.core.article.ManageArticles;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.text.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins keep the articles the bot offers before a ticket: list, add, edit, retire, restore. A
 * refused form comes back as it was typed, with the reason (PanelAdvice).
 */
@Controller
class ArticlesController {

    static final String LIST = "admin/articles";
    static final String EDIT = "admin/article";

    private final ManageArticles articles;
    private final ManageCategories categories;
    private final Texts texts;

    ArticlesController(ManageArticles articles, ManageCategories categories, Texts texts) {
        this.articles = articles;
        this.categories = categories;
        this.texts = texts;
    }

    @GetMapping("/admin/articles")
    String list(Model model) {
        List<CategoryView> all = categories.all();
        Map<Long, String> names = new LinkedHashMap<>();
        all.forEach(c -> names.put(c.id(), c.name()));
        model.addAttribute("articles", articles.all());
        model.addAttribute("categoryNames", names);
        model.addAttribute("categories", all.stream().filter(CategoryView::active).toList());
        return LIST;
    }

    @PostMapping("/admin/articles")
    String add(@RequestParam(required = false) Long categoryId, @RequestParam(defaultValue = "") String title,
               @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String keywords,
               RedirectAttributes redirect) {
        ArticleView added = articles.add(ArticleCommand.typed(categoryId, title, body, keywords));
        return saved(added, redirect);
    }

    @GetMapping("/admin/articles/{id}")
    String edit(@PathVariable Long id, Model model) {
        ArticleView article = articles.get(id);
        model.addAttribute("article", article);
        // the active categories, and the article's own when it was retired since
        model.addAttribute("categories", categories.all().stream()
                .filter(c -> c.active() || Long.valueOf(c.id()).equals(article.categoryId())).toList());
        return EDIT;
    }

    @PostMapping("/admin/articles/{id}")
    String change(@PathVariable Long id, @RequestParam(required = false) Long categoryId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String keywords,
                  RedirectAttributes redirect) {
        return saved(articles.change(id, ArticleCommand.typed(categoryId, title, body, keywords)), redirect);
    }

    @PostMapping("/admin/articles/{id}/retire")
    String retire(@PathVariable Long id) {
        articles.retire(id);
        return "redirect:/admin/articles";
    }

    @PostMapping("/admin/articles/{id}/restore")
    String restore(@PathVariable Long id) {
        articles.restore(id);
        return "redirect:/admin/articles";
    }

    private String saved(ArticleView article, RedirectAttributes redirect) {
        redirect.addFlashAttribute("info", texts.get(LocaleContextHolder.getLocale(), "web.articles.saved", article.title()));
        return "redirect:/admin/articles";
    }
}
