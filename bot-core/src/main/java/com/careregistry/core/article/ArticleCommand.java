package com.careregistry.core.article;

import com.careregistry.core.common.DomainException;
import java.util.List;

/**
 * What an admin writes for an article; an invalid one cannot exist (each refusal names what to fix).
 *
 * @param categoryId the category it answers for, or null for every category
 * @param keywords as typed, separated by commas; kept lower-cased ({@link ArticleMatcher#keywords})
 */
public record ArticleCommand(Long categoryId, String title, String body, List<String> keywords) {

    public static final int MAX_TITLE_LENGTH = 200;
    /** Three articles and the question fit in one Telegram message (4096 characters). */
    public static final int MAX_BODY_LENGTH = 1000;
    public static final int MAX_KEYWORDS_LENGTH = 500;

    public ArticleCommand {
        title = title == null ? "" : title.strip();
        if (title.isEmpty()) {
            throw new DomainException("article.title.empty");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new DomainException("article.title.too-long", MAX_TITLE_LENGTH);
        }
        body = body == null ? "" : body.strip();
        if (body.isEmpty()) {
            throw new DomainException("article.body.empty");
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw new DomainException("article.body.too-long", MAX_BODY_LENGTH);
        }
        keywords = List.copyOf(keywords);
        if (keywords.isEmpty()) {
            throw new DomainException("article.keywords.empty");
        }
        if (String.join(",", keywords).length() > MAX_KEYWORDS_LENGTH) {
            throw new DomainException("article.keywords.too-long", MAX_KEYWORDS_LENGTH);
        }
    }

    /** An article as the panel's form sends it: the keywords in one text, separated by commas. */
    public static ArticleCommand typed(Long categoryId, String title, String body, String keywords) {
        return new ArticleCommand(categoryId, title, body, ArticleMatcher.keywords(keywords));
    }
}
