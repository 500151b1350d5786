package com.careregistry.core.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An article as the panel and the chat see it.
 *
 * @param categoryId its category, or null when it is offered in every category
 * @param keywords lower-cased; a keyword of several words matches them side by side
 */
public record ArticleView(long id, Long categoryId, String title, String body, List<String> keywords, boolean active,
                          Instant createdAt) {

    public ArticleView {
        keywords = List.copyOf(keywords);
    }

    /** The keywords as an admin types them: separated by commas. */
    public String keywordsText() {
        return String.join(", ", keywords);
    }

    static ArticleView of(Article article) {
        List<String> keywords = article.keywords().isEmpty() ? List.of() : Arrays.asList(article.keywords().split(","));
        return new ArticleView(article.id(), article.categoryId(), article.title(), article.body(), keywords, article.active(),
                article.createdAt());
    }
}
