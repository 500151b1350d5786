package com.careregistry.core.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard's figures of answers before a ticket, over the last 30 UTC days (today and the 29 before, as DeskStats counts). */
@Service
public class ArticleStats {

    /**
     * @param offers times articles were offered instead of opening a ticket at once
     * @param prevented of those, how many the customer said solved their problem: tickets never opened
     * @param opened of those, how many still became a ticket
     */
    public record Figures(long offers, long prevented, long opened) {
    }

    private final ArticleOffers offers;
    private final Clock clock;

    public ArticleStats(ArticleOffers offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Figures lastThirtyDays() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant since = today.minusDays(29).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Figures(offers.countByOfferedAtGreaterThanEqual(since),
                offers.countByOutcomeAndOfferedAtGreaterThanEqual(ArticleOffer.Outcome.SOLVED, since),
                offers.countByOutcomeAndOfferedAtGreaterThanEqual(ArticleOffer.Outcome.OPENED, since));
    }
}
