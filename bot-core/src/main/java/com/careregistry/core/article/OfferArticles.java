package com.careregistry.core.article;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers before a ticket: the articles that match a description are offered (and the offer
 * recorded) before the ticket is opened; the customer's answer says whether they settled it.
 */
@Service
public class OfferArticles {

    private final Articles articles;
    private final ArticleOffers offers;
    private final Clock clock;

    public OfferArticles(Articles articles, ArticleOffers offers, Clock clock) {
        this.articles = articles;
        this.offers = offers;
        this.clock = clock;
    }

    /** The articles to offer for this description of a ticket in this category, recorded as offered; none when nothing matches. */
    @Transactional
    public Optional<ArticleOfferView> offer(long customerId, long categoryId, String description) {
        List<ArticleView> candidates = articles.offerableIn(categoryId).stream().map(ArticleView::of).toList();
        List<ArticleView> best = ArticleMatcher.best(description, categoryId, candidates);
        if (best.isEmpty()) {
            return Optional.empty();
        }
        ArticleOffer offer = offers.save(new ArticleOffer(customerId, categoryId, best, clock.instant()));
        return Optional.of(new ArticleOfferView(offer.id(), best));
    }

    /**
     * This customer's answer to their offer: solved (a ticket prevented) or not (the ticket is
     * opened). False when the offer is not theirs, or was answered already.
     */
    @Transactional
    public boolean answer(long offerId, long customerId, boolean solved) {
        return offers.findById(offerId).filter(offer -> offer.customerId() == customerId)
                .map(offer -> offer.answer(solved, clock.instant())).orElse(false);
    }
}
