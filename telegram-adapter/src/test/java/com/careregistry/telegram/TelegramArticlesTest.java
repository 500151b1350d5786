package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.article.ArticleCommand;
import com.careregistry.core.article.ManageArticles;
import com.careregistry.core.category.CategoryView;
import com.careregistry.telegram.TelegramApiDouble.Call;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Answers before a ticket, in Telegram: a matching article is offered; yes opens no ticket, no opens it as described. */
class TelegramArticlesTest extends TelegramTest {

    static final long ANN = 701;
    static final String REFUND_TEXT = "A refund reaches your card within five working days of our email.";

    @Autowired
    ManageArticles articles;

    CategoryView billing;

    @BeforeEach
    void anArticleForBilling() {
        billing = categories.create("Billing");
        articles.add(ArticleCommand.typed(billing.id(), "Refunds take five days", REFUND_TEXT, "refund, money back"));
        articles.add(ArticleCommand.typed(billing.id(), "Changing your plan", "Open Settings, then Plan.", "plan"));
    }

    @Test
    void yesToTheArticleOpensNoTicketAndCountsAsSolved() {
        Call offer = describeInBilling("my refund is late");
        presses(ANN, "Ann", ANN, button(offer, "art-yes"));
        awaitMessage(ANN, text -> text.equals(escape(en("bot.articles.solved"))));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT outcome FROM article_offers", String.class)).isEqualTo("SOLVED");

        presses(ANN, "Ann", ANN, button(offer, "art-no"));   // the other button of the same, answered offer
        awaitMessage(ANN, text -> text.equals(escape(en("bot.button.stale"))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets", Integer.class)).isZero();
    }

    @Test
    void noOpensTheTicketWithExactlyTheDescription() {
        Call offer = describeInBilling("my refund is late");
        presses(ANN, "Ann", ANN, button(offer, "art-no"));
        long number = createdTicket(ANN);

        assertThat(jdbc.queryForMap("SELECT t.description, c.name FROM tickets t JOIN categories c ON c.id = t.category_id "
                + "WHERE t.number = ?", number)).containsEntry("description", "my refund is late").containsEntry("name", "Billing");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT outcome FROM article_offers", String.class)).isEqualTo("OPENED");
        awaitMessage(STAFF_GROUP, "#" + number + " · my refund is late");
    }

    @Test
    void writingInsteadOfAnsweringOpensTheTicketAndTheMessageGoesToIt() {
        describeInBilling("my refund is late");
        says(ANN, "Ann", "It was 40 euros, paid on Monday");
        long number = createdTicket(ANN);
        assertThat(jdbc.queryForObject("SELECT description FROM tickets WHERE number = ?", String.class, number))
                .isEqualTo("my refund is late");
        assertThat(awaitMessage(STAFF_GROUP, "It was 40 euros, paid on Monday").param("text")).startsWith("#" + number + " · Ann:");
        assertThat(jdbc.queryForObject("SELECT outcome FROM article_offers", String.class)).isEqualTo("OPENED");
    }

    @Test
    void aDescriptionNoArticleMatchesOpensTheTicketAtOnce() {
        says(ANN, "Ann", "/new");
        awaitMessage(ANN, en("bot.new.choose-category"));
        presses(ANN, "Ann", ANN, "cat:" + billing.id());
        awaitMessage(ANN, en("bot.new.describe"));
        says(ANN, "Ann", "The invoice shows the wrong address");
        createdTicket(ANN);
        assertThat(messagesTo(ANN)).noneMatch(call -> call.param("text").contains(escape(en("bot.articles.question"))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article_offers", Integer.class)).isZero();
    }

    /** Ann opens a ticket in Billing with this description and is offered the refund article: the message is returned. */
    private Call describeInBilling(String description) {
        says(ANN, "Ann", "/new");
        awaitMessage(ANN, en("bot.new.choose-category"));
        presses(ANN, "Ann", ANN, "cat:" + billing.id());
        awaitMessage(ANN, en("bot.new.describe"));
        says(ANN, "Ann", description);
        Call offer = awaitMessage(ANN, en("bot.articles.offered"));
        assertThat(offer.param("text")).isEqualTo(escape(en("bot.articles.offered") + "\n\n📄 Refunds take five days\n" + REFUND_TEXT
                + "\n\n" + en("bot.articles.question")));
        assertThat(offer.param("reply_markup")).contains("Yes, that solved it").contains("No, open my ticket");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets", Integer.class)).isZero();
        return offer;
    }

    private static String button(Call message, String kind) {
        Matcher id = Pattern.compile(kind + ":\\d+").matcher(message.param("reply_markup"));
        assertThat(id.find()).as("a %s button in %s", kind, message.param("reply_markup")).isTrue();
        return id.group();
    }
}
