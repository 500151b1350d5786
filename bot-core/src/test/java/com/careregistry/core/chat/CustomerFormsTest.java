package com.careregistry.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.CloseTicket;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.testsupport.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a platform with forms of its own (Discord's modals) asks of the customer conversation: a
 * ticket opened with the category chosen in the form, and stars whose comment is asked in a form.
 */
class CustomerFormsTest extends CoreTest {

    static final ChatUser ANN = new ChatUser(Channel.DISCORD, "501", "501", "Ann", "en-US");

    @Autowired
    CustomerConversation conversation;
    @Autowired
    CloseTicket closeTicket;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theCategoryChosenInTheFormOpensTheTicketThere() {
        CategoryView billing = categories.create("Billing");
        categories.create("Shipping");

        inbox(() -> conversation.openFromForm(ANN, billing.id(), ChatInput.of(Channel.DISCORD, "I was charged twice", List.of(), null)));

        assertThat(jdbc.queryForObject("SELECT category_id FROM tickets", Long.class)).isEqualTo(billing.id());
        assertThat(outboxBodiesTo("501")).singleElement().asString().startsWith("Ticket #").contains(" created");
    }

    @Test
    void withoutAChoiceOrWithARetiredOneTheChatAsksAndKeepsTheDescription() {
        CategoryView billing = categories.create("Billing");
        CategoryView retired = categories.create("Old things");
        categories.retire(retired.id());

        inbox(() -> conversation.openFromForm(ANN, retired.id(), ChatInput.of(Channel.DISCORD, "I was charged twice", List.of(), null)));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets", Integer.class)).isZero();
        assertThat(outboxBodiesTo("501")).containsExactly(en("bot.new.choose-category"));
        inbox(() -> conversation.onButton(ANN, "cat:" + billing.id()));
        assertThat(jdbc.queryForObject("SELECT description FROM tickets", String.class)).isEqualTo("I was charged twice");
        assertThat(jdbc.queryForObject("SELECT category_id FROM tickets", Long.class)).isEqualTo(billing.id());
    }

    @Test
    void starsThenTheCommentFromTheFormWithoutTheChatAskingForIt() {
        TicketNumber number = closedTicketOfAnn();

        inbox(() -> conversation.rate(ANN, number, 4));
        inbox(() -> conversation.commentFromForm(ANN, number, "   "));
        assertThat(jdbc.queryForObject("SELECT rating_comment FROM tickets", String.class)).isNull();
        inbox(() -> conversation.commentFromForm(ANN, number, "Patient and clear"));

        assertThat(jdbc.queryForObject("SELECT rating FROM tickets", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT rating_comment FROM tickets", String.class)).isEqualTo("Patient and clear");
        assertThat(outboxBodiesTo("501")).doesNotContain(en("bot.rate.comment"))
                .filteredOn(en("customer.rate.thanks")::equals).hasSize(2);
        assertThatThrownBy(() -> inbox(() -> conversation.commentFromForm(ANN, number, "again")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.textKey()).isEqualTo("ticket.rate.already"));
    }

    @Test
    void theCustomersLocaleChoosesTheLanguageOfTheAnswers() {
        inbox(() -> conversation.onMessage(new ChatUser(Channel.DISCORD, "502", "502", "Bea", "es-ES"),
                ChatInput.of(Channel.DISCORD, "/tickets", List.of(), null)));
        assertThat(outboxBodiesTo("502")).containsExactly(texts.get("es", "tickets.none"));
        assertThat(texts.get("es", "tickets.none")).isNotEqualTo(en("tickets.none"));
    }

    /** The adapters call the conversation inside the inbox's transaction; so do these tests. */
    private void inbox(Runnable effect) {
        transactions.executeWithoutResult(status -> effect.run());
    }

    private TicketNumber closedTicketOfAnn() {
        Customer ann = customers.register(ANN);
        Ticket ticket = openTicket.open(new OpenTicketCommand(ann.id(), null, "Phone is dead", Channel.DISCORD));
        closeTicket.byCustomer(ann.id(), ticket.number());
        TestDatabase.update(jdbc, "DELETE FROM outbox_messages");
        return ticket.number();
    }
}
