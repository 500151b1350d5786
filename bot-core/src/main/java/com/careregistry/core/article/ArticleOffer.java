package com.careregistry.core.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Articles offered to a customer before a ticket, and what came of it: the dashboard counts the tickets they prevented. */
@Entity
@Table(name = "article_offers")
class ArticleOffer {

    /** OFFERED until the customer answers (and after a /cancel); SOLVED is a ticket prevented. */
    enum Outcome { OFFERED, SOLVED, OPENED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "category_id", nullable = false)
    private Long categoryId;

    @Column(name = "article_ids", nullable = false)
    private String articleIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "offered_at", nullable = false)
    private Instant offeredAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected ArticleOffer() {
    }

    ArticleOffer(Long customerId, Long categoryId, List<ArticleView> articles, Instant now) {
        this.customerId = customerId;
        this.categoryId = categoryId;
        this.articleIds = articles.stream().map(a -> String.valueOf(a.id())).collect(Collectors.joining(","));
        this.outcome = Outcome.OFFERED;
        this.offeredAt = now;
    }

    /** The customer's answer; false when the offer was answered before (a second press changes nothing). */
    boolean answer(boolean solved, Instant now) {
        if (outcome != Outcome.OFFERED) {
            return false;
        }
        outcome = solved ? Outcome.SOLVED : Outcome.OPENED;
        answeredAt = now;
        return true;
    }

    Long id() {
        return id;
    }

    Long customerId() {
        return customerId;
    }
}
