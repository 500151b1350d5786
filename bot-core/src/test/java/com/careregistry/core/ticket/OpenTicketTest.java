package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.CoreTestApplication;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OpenTicketTest extends CoreTest {

    static final String IPHONE = "Hi. My I Phone 14 pro max is not turning on. It is a new unit I bought it just 2 days back. "
            + "I don't know what happened. Can you help me please?";

    @Autowired
    Tickets tickets;

    @Test
    void emptyQueryIsRefusedWithTheReportsText() {
        Customer ann = customer("Ann");
        for (String empty : new String[] {"", "   ", "\n\t "}) {
            assertThatThrownBy(() -> openTicket.open(new OpenTicketCommand(ann.id(), null, empty, Channel.TELEGRAM)))
                    .isInstanceOfSatisfying(DomainException.class,
                            refusal -> assertThat(texts.explain("en", refusal)).isEqualTo("Query cannot be empty!"));
        }
        assertThat(tickets.count()).isZero();
    }

    @Test
    void overLongQueryIsRefusedNamingTheLimit() {
        Customer ann = customer("Ann");
        String tooLong = "x".repeat(4001);
        assertThatThrownBy(() -> openTicket.open(new OpenTicketCommand(ann.id(), null, tooLong, Channel.TELEGRAM)))
                .isInstanceOfSatisfying(DomainException.class, refusal -> assertThat(texts.explain("en", refusal))
                        .contains("4,001").contains("4,000"));
        assertThat(tickets.count()).isZero();

        Ticket justFits = openTicket.open(new OpenTicketCommand(ann.id(), null, "y".repeat(4000), Channel.TELEGRAM));
        assertThat(justFits.description()).hasSize(4000);
    }

    @Test
    void validQueryIsStoredWithSequentialNumberAndFirstLineAsSubject() {
        Customer ann = customer("Ann");
        Ticket first = open(ann, "Phone does not turn on\n\n" + IPHONE);
        Ticket second = open(ann, IPHONE);

        assertThat(second.number().value()).isEqualTo(first.number().value() + 1);
        assertThat(first.number().toString()).matches("#\\d+");
        assertThat(en("ticket.created", first.number().toString())).isEqualTo("Ticket " + first.number() + " created");

        Ticket stored = tickets.findByNumber(first.number().value()).orElseThrow();
        assertThat(stored.subject()).isEqualTo("Phone does not turn on");
        assertThat(stored.description()).isEqualTo("Phone does not turn on\n\n" + IPHONE);
        assertThat(stored.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(stored.agentId()).isNull();
        assertThat(tickets.findByNumber(second.number().value()).orElseThrow().subject())
                .hasSizeLessThanOrEqualTo(Subjects.MAX_LENGTH).endsWith("…").startsWith("Hi. My I Phone 14");
    }

    @Test
    void newTicketCardGoesToTheStaffGroupInTheSameTransaction() {
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, IPHONE);

        assertThat(outbox()).singleElement().satisfies(row -> {
            assertThat(row.chat().orElseThrow().chatId()).isEqualTo(CoreTestApplication.TELEGRAM_STAFF_GROUP);
            assertThat(row.ticketId()).isEqualTo(ticket.id());
            assertThat(row.body()).contains(ticket.number().toString()).contains("Ann").contains("General").contains(IPHONE);
            assertThat(row.actions()).extracting(a -> a.id())
                    .containsExactly("claim:" + ticket.number().value(), "resolve:" + ticket.number().value());
        });
    }

    @Test
    void retiredCategoryCannotBeChosen() {
        Customer ann = customer("Ann");
        var billing = categories.create("Billing");
        categories.retire(billing.id());
        assertThatThrownBy(() -> openTicket.open(new OpenTicketCommand(ann.id(), billing.id(), IPHONE, Channel.TELEGRAM)))
                .isInstanceOf(DomainException.class).hasMessageContaining("category.retired");
    }

    @Test
    void withSeveralCategoriesTheCustomerMustChoose() {
        Customer ann = customer("Ann");
        var billing = categories.create("Billing");
        assertThatThrownBy(() -> open(ann, IPHONE)).isInstanceOf(DomainException.class).hasMessageContaining("category.choose");
        Ticket ticket = openTicket.open(new OpenTicketCommand(ann.id(), billing.id(), IPHONE, Channel.TELEGRAM));
        assertThat(ticket.categoryId()).isEqualTo(billing.id());
    }
}
