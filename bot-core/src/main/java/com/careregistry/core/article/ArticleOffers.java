package com.careregistry.core.article;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleOffers extends JpaRepository<ArticleOffer, Long> {

    long countByOfferedAtGreaterThanEqual(Instant since);

    long countByOutcomeAndOfferedAtGreaterThanEqual(ArticleOffer.Outcome outcome, Instant since);
}
