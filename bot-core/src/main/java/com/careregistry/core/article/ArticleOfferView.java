package com.careregistry.core.article;

import java.util.List;

/** Articles offered for one description (best first), and the offer's id the customer's answer names. */
public record ArticleOfferView(long id, List<ArticleView> articles) {

    public ArticleOfferView {
        articles = List.copyOf(articles);
    }
}
