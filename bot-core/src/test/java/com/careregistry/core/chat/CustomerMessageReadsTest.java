package com.careregistry.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.staff.StaffThreads;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.Tickets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer writing on the ticket they are talking about is the commonest event there is: who they
 * are, their conversation and that ticket come from one query, and the ticket is not read again.
 */
class CustomerMessageReadsTest extends CoreTest {

    static final ChatUser ANN = new ChatUser(Channel.TELEGRAM, "tg-ann", "chat-ann", "Ann", "en");

    @Autowired
    CustomerConversation conversation;
    @Autowired
    Tickets tickets;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    StaffThreads staffThreads;

    @Test
    void aMessageOnTheCurrentTicketReadsTheDatabaseOnce() {
        Ticket ticket = annTalkingAboutANewTicket();

        long selects = inbox(() -> conversation.onMessage(ANN, ChatInput.of(Channel.TELEGRAM, "And the screen flickers", List.of(), "m-2")));

        assertThat(jdbc.queryForList("SELECT body FROM ticket_messages WHERE ticket_id = ? ORDER BY id", String.class, ticket.id()))
                .endsWith("And the screen flickers");
        assertThat(selects).as("one SELECT: the identity, the customer, the conversation and the ticket together").isEqualTo(1);
    }

    @Test
    void theConversationKeepsTheNumberOfTheCurrentTicketBesideItsData() {
        Ticket ticket = annTalkingAboutANewTicket();

        assertThat(jdbc.queryForObject("SELECT current_ticket FROM conversation_states", Long.class)).isEqualTo(ticket.number().value());
        assertThat(jdbc.queryForObject("SELECT data FROM conversation_states", String.class)).contains("current=" + ticket.number().value());
    }

    @Test
    void aTicketLoadedAlreadyIsFoundByItsNumberWithoutAQueryAndOnlyForItsCustomer() {
        Ticket ticket = annTalkingAboutANewTicket();
        Customer bob = customer("Bob");
        long number = ticket.number().value();

        transactions.executeWithoutResult(status -> {
            Customer ann = customers.register(ANN);   // loads the ticket Ann talks about on the way
            long before = selectsOnThisConnection();
            assertThat(tickets.findByNumberAndCustomer(number, ann.id())).map(Ticket::id).contains(ticket.id());
            assertThat(selectsOnThisConnection() - before).isZero();
            assertThat(tickets.findByNumberAndCustomer(number, bob.id())).isEmpty();
        });
        transactions.executeWithoutResult(status -> {
            long before = selectsOnThisConnection();
            assertThat(tickets.findByNumberAndCustomer(number, ticket.customerId())).map(Ticket::id).contains(ticket.id());
            assertThat(selectsOnThisConnection() - before).as("not loaded yet: read by its number").isEqualTo(1);
            assertThat(tickets.findByNumberAndCustomer(number + 1, ticket.customerId())).isEmpty();
        });
    }

    /**
     * Ann opens a ticket, which gets its staff thread, and writes on it once, so her conversation says
     * she is talking about it (and this instance knows the thread).
     */
    private Ticket annTalkingAboutANewTicket() {
        Customer ann = customers.register(ANN);
        Ticket ticket = openTicket.open(new OpenTicketCommand(ann.id(), null, "Phone is dead", Channel.TELEGRAM));
        staffThreads.record(ticket.id(), new ChatAddress(Channel.TELEGRAM, "-100777", "55"), "#" + ticket.number().value());
        inbox(() -> conversation.onMessage(ANN, ChatInput.of(Channel.TELEGRAM, "Still dead", List.of(), "m-1")));
        return ticket;
    }

    /** Runs the effect as the inbox does (in one transaction), returning the SELECTs it sent. */
    private long inbox(Runnable effect) {
        return transactions.execute(status -> {
            long before = selectsOnThisConnection();
            effect.run();
            status.flush();
            return selectsOnThisConnection() - before;
        });
    }

    /** MariaDB's count of SELECTs sent on this transaction's connection (a SHOW is not one). */
    private long selectsOnThisConnection() {
        return sessionCount("Com_select");
    }
}
