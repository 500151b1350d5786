package com.careregistry.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Articles kept by admins, offered before a ticket, and the offers' outcomes counted for the dashboard. */
class ManageArticlesTest extends CoreTest {

    @Autowired
    ManageArticles articles;
    @Autowired
    OfferArticles offerArticles;
    @Autowired
    ArticleStats stats;

    @Test
    void anArticleIsAddedChangedRetiredAndRestoredAndOnlyAnActiveOneIsOffered() {
        CategoryView billing = categories.create("Billing");
        Customer ann = customer("Ann");
        ArticleView refunds = articles.add(ArticleCommand.typed(billing.id(), " Refunds ", "Five working days.", "Refund, Money back"));
        assertThat(refunds.keywords()).containsExactly("refund", "money back");
        assertThat(refunds.keywordsText()).isEqualTo("refund, money back");
        assertThat(jdbc.queryForObject("SELECT keywords FROM articles", String.class)).isEqualTo("refund,money back");

        ArticleView changed = articles.change(refunds.id(), ArticleCommand.typed(null, "Refunds", "Three working days.", "refund"));
        assertThat(changed.categoryId()).isNull();
        assertThat(articles.get(refunds.id()).body()).isEqualTo("Three working days.");
        assertThat(offerArticles.offer(ann.id(), billing.id(), "Where is my REFUND?")).hasValueSatisfying(
                offer -> assertThat(offer.articles()).extracting(ArticleView::title).containsExactly("Refunds"));

        articles.retire(refunds.id());
        assertThat(articles.all()).singleElement().satisfies(a -> assertThat(a.active()).isFalse());
        assertThat(offerArticles.offer(ann.id(), billing.id(), "Where is my refund?")).isEmpty();
        articles.restore(refunds.id());
        assertThat(offerArticles.offer(ann.id(), billing.id(), "Where is my refund?")).isPresent();
    }

    @Test
    void articlesOfAnotherCategoryAreNotOfferedAndTheBestThreeComeBestFirst() {
        CategoryView billing = categories.create("Billing");
        CategoryView devices = categories.create("Devices");
        Customer ann = customer("Ann");
        long late = articles.add(ArticleCommand.typed(billing.id(), "Late refunds", "Text", "refund, late")).id();
        clock.advance(Duration.ofMinutes(1));
        long older = articles.add(ArticleCommand.typed(billing.id(), "Refunds", "Text", "refund")).id();
        clock.advance(Duration.ofMinutes(1));
        long everywhere = articles.add(ArticleCommand.typed(null, "All about refunds", "Text", "refund")).id();
        clock.advance(Duration.ofMinutes(1));
        articles.add(ArticleCommand.typed(devices.id(), "Device refunds", "Text", "refund"));
        clock.advance(Duration.ofMinutes(1));
        long newest = articles.add(ArticleCommand.typed(billing.id(), "Refunds again", "Text", "refund")).id();

        ArticleOfferView offer = offerArticles.offer(ann.id(), billing.id(), "My refund is late").orElseThrow();
        assertThat(offer.articles()).extracting(ArticleView::id).containsExactly(late, newest, everywhere).doesNotContain(older);
        assertThat(jdbc.queryForMap("SELECT customer_id, category_id, article_ids, outcome FROM article_offers"))
                .containsEntry("customer_id", ann.id()).containsEntry("category_id", billing.id())
                .containsEntry("article_ids", late + "," + newest + "," + everywhere).containsEntry("outcome", "OFFERED");
        assertThat(offerArticles.offer(ann.id(), billing.id(), "The app crashes")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article_offers", Integer.class)).isEqualTo(1);
    }

    @Test
    void anOfferIsAnsweredOnceByItsCustomerAndTheDashboardCountsTheTicketsPrevented() {
        CategoryView billing = categories.create("Billing");
        Customer ann = customer("Ann");
        Customer bob = customer("Bob");
        articles.add(ArticleCommand.typed(billing.id(), "Refunds", "Five working days.", "refund"));

        clock.advance(Duration.ofDays(-31));   // an offer from before the last 30 days is not counted
        long old = offerArticles.offer(ann.id(), billing.id(), "refund").orElseThrow().id();
        assertThat(offerArticles.answer(old, ann.id(), true)).isTrue();
        clock.reset();

        long solved = offerArticles.offer(ann.id(), billing.id(), "refund?").orElseThrow().id();
        long opened = offerArticles.offer(bob.id(), billing.id(), "refund!").orElseThrow().id();
        offerArticles.offer(bob.id(), billing.id(), "refund.");   // never answered
        assertThat(offerArticles.answer(solved, bob.id(), true)).as("not Bob's offer").isFalse();
        assertThat(offerArticles.answer(solved, ann.id(), true)).isTrue();
        assertThat(offerArticles.answer(solved, ann.id(), false)).as("answered already").isFalse();
        assertThat(offerArticles.answer(opened, bob.id(), false)).isTrue();
        assertThat(offerArticles.answer(999_999, bob.id(), false)).isFalse();

        assertThat(jdbc.queryForObject("SELECT outcome FROM article_offers WHERE id = ?", String.class, solved)).isEqualTo("SOLVED");
        assertThat(jdbc.queryForObject("SELECT outcome FROM article_offers WHERE id = ?", String.class, opened)).isEqualTo("OPENED");
        assertThat(stats.lastThirtyDays()).isEqualTo(new ArticleStats.Figures(3, 1, 1));
    }

    @Test
    void badInputIsRefusedWithWhatToFix() {
        CategoryView billing = categories.create("Billing");
        assertThat(refusal(() -> articles.add(ArticleCommand.typed(null, "  ", "Text", "refund"))))
                .isEqualTo("An article needs a title.");
        assertThat(refusal(() -> articles.add(ArticleCommand.typed(null, "Title", " ", "refund"))))
                .isEqualTo("An article needs a text.");
        assertThat(refusal(() -> articles.add(ArticleCommand.typed(null, "Title", "x".repeat(1001), "refund"))))
                .isEqualTo("An article's text may be at most 1,000 characters long, so that three of them fit in one chat message.");
        assertThat(refusal(() -> articles.add(ArticleCommand.typed(null, "Title", "Text", " , ;; ,"))))
                .isEqualTo("An article needs at least one keyword (separated by commas), or it is never offered.");
        assertThat(refusal(() -> articles.add(ArticleCommand.typed(null, "x".repeat(201), "Text", "refund"))))
                .isEqualTo("An article's title may be at most 200 characters long.");
        categories.retire(billing.id());
        assertThat(refusal(() -> articles.add(ArticleCommand.typed(billing.id(), "Title", "Text", "refund"))))
                .isEqualTo("The category Billing is no longer available. Please choose another one.");
        assertThat(articles.all()).isEmpty();
    }

    private String refusal(Runnable action) {
        DomainException[] caught = new DomainException[1];
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> caught[0] = e);
        return texts.explain("en", caught[0]);
    }
}
