package com.careregistry.core.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A short answer to a common problem, offered to a customer whose description matches its keywords
 * before their ticket is opened. Without a category it is offered in every category; a retired one
 * is offered no more.
 */
@Entity
@Table(name = "articles")
class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "category_id")
    private Long categoryId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String body;

    /** Lower-cased keywords, comma-separated ({@link ArticleMatcher#keywords}). */
    @Column(nullable = false)
    private String keywords;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Article() {
    }

    Article(ArticleCommand command, Instant now) {
        change(command);
        this.createdAt = now;
    }

    void change(ArticleCommand command) {
        this.categoryId = command.categoryId();
        this.title = command.title();
        this.body = command.body();
        this.keywords = String.join(",", command.keywords());
    }

    void retire() {
        this.active = false;
    }

    void restore() {
        this.active = true;
    }

    Long id() {
        return id;
    }

    Long categoryId() {
        return categoryId;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String keywords() {
        return keywords;
    }

    boolean active() {
        return active;
    }

    Instant createdAt() {
        return createdAt;
    }
}
