package com.careregistry.core.article;

import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins keep the articles offered before a ticket: add, change, retire, restore, list. */
@Service
public class ManageArticles {

    private final Articles articles;
    private final ManageCategories categories;
    private final Clock clock;

    public ManageArticles(Articles articles, ManageCategories categories, Clock clock) {
        this.articles = articles;
        this.categories = categories;
        this.clock = clock;
    }

    /** Active ones first, newest first. */
    @Transactional(readOnly = true)
    public List<ArticleView> all() {
        return articles.findAllByOrderByActiveDescCreatedAtDescIdDesc().stream().map(ArticleView::of).toList();
    }

    @Transactional(readOnly = true)
    public ArticleView get(Long id) {
        return ArticleView.of(find(id));
    }

    @Transactional
    public ArticleView add(ArticleCommand command) {
        mayUse(command.categoryId());
        return ArticleView.of(articles.save(new Article(command, clock.instant())));
    }

    /** New words for an article (its category may change; a retired category may stay its own). */
    @Transactional
    public ArticleView change(Long id, ArticleCommand command) {
        Article article = find(id);
        if (command.categoryId() != null && !command.categoryId().equals(article.categoryId())) {
            mayUse(command.categoryId());
        }
        article.change(command);
        return ArticleView.of(article);
    }

    @Transactional
    public ArticleView retire(Long id) {
        Article article = find(id);
        article.retire();
        return ArticleView.of(article);
    }

    @Transactional
    public ArticleView restore(Long id) {
        Article article = find(id);
        article.restore();
        return ArticleView.of(article);
    }

    private void mayUse(Long categoryId) {
        if (categoryId == null) {
            return;
        }
        CategoryView category = categories.get(categoryId);
        if (!category.active()) {
            throw new DomainException("category.retired", category.name());
        }
    }

    private Article find(Long id) {
        return articles.findById(id).orElseThrow(() -> new NotFoundException("article.not-found"));
    }
}
