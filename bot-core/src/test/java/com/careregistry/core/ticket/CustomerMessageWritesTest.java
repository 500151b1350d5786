package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.inbox.InboxProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers' messages handled in one batch of the inbox are written together: one insert for the
 * messages and one update for their tickets' last activity, not an insert and an update per message;
 * a ticket resolved meanwhile by another transaction makes the batch fail, and the message, handled
 * on its own, then reopens it as it always has.
 */
class CustomerMessageWritesTest extends CoreTest {

    @Autowired
    Inbox inbox;
    @Autowired
    InboxProcessor processor;
    @Autowired
    PostCustomerMessage postMessage;
    @Autowired
    TicketQueries queries;
    @Autowired
    PlatformTransactionManager transactionManager;

    /** Each event is its chat's customer writing its payload on the ticket. */
    private void eachEventPosts(Map<String, Ticket> ticketOfChat) {
        telegramInbox.behave(e -> {
            Ticket ticket = ticketOfChat.get(e.orderingKey());
            postMessage.postUnlessClosed(new PostCustomerMessage.Command(ticket.customerId(), ticket.number(),
                    MessageContent.text(e.payload(), Channel.TELEGRAM, e.externalEventId())));
        });
    }

    private static InboundEvent event(String id, String chat, String text) {
        return new InboundEvent(Channel.TELEGRAM, id, "TELEGRAM:" + chat, text);
    }

    @Test
    void aBatchWritesItsMessagesWithOneInsertAndTheirTicketsActivityWithOneUpdate() {
        Ticket ann = open(customer("Ann"), "Parcel late");
        Ticket bob = open(customer("Bob"), "Refund");
        Ticket cid = open(customer("Cid"), "Wrong size");
        eachEventPosts(Map.of("TELEGRAM:chat-Ann", ann, "TELEGRAM:chat-Bob", bob, "TELEGRAM:chat-Cid", cid));
        inbox.append(List.of(event("a1", "chat-Ann", "Any news?"), event("b1", "chat-Bob", "Still waiting"),
                event("c1", "chat-Cid", "It is an M")));
        clock.advance(Duration.ofMinutes(5));
        Instant written = clock.instant();

        long inserts = serverCount("Com_insert");
        long updates = serverCount("Com_update");
        processor.drainAll();

        assertThat(serverCount("Com_insert") - inserts).as("one insert of the messages, one of their relays to staff (4 before)")
                .isEqualTo(2);
        assertThat(serverCount("Com_update") - updates).as("one update of the tickets, one mark of the events (4 before)")
                .isEqualTo(2);
        assertThat(queries.conversation(ann.id())).extracting(MessageView::body).containsExactly("Any news?");
        assertThat(queries.conversation(bob.id())).extracting(MessageView::body).containsExactly("Still waiting");
        assertThat(queries.conversation(cid.id())).extracting(MessageView::body).containsExactly("It is an M");
        for (Ticket ticket : List.of(ann, bob, cid)) {
            assertThat(jdbc.queryForObject("SELECT last_activity_at FROM tickets WHERE id = ?", Instant.class, ticket.id()))
                    .as("the ticket's last activity is its message's").isEqualTo(written);
            assertThat(jdbc.queryForObject("SELECT version FROM tickets WHERE id = ?", Long.class, ticket.id()))
                    .as("its version moved on, as a change through the persistence context moves it").isEqualTo(1L);
        }
        assertThat(outboxBodiesTo(com.careregistry.core.CoreTestApplication.TELEGRAM_STAFF_GROUP)).hasSize(6);   // three cards, three relays
    }

    @Test
    void aTicketResolvedMeanwhileFailsTheBatchAndTheMessageHandledOnItsOwnReopensIt() {
        Ticket ann = open(customer("Ann"), "Parcel late");
        Ticket bob = open(customer("Bob"), "Refund");
        TransactionTemplate another = new TransactionTemplate(transactionManager);
        another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        another.executeWithoutResult(status -> jdbc.update("UPDATE tickets SET status = 'ASSIGNED' WHERE id = ?", ann.id()));
        AtomicBoolean resolved = new AtomicBoolean();
        telegramInbox.behave(e -> {
            Ticket ticket = e.orderingKey().endsWith("Ann") ? ann : bob;
            postMessage.postUnlessClosed(new PostCustomerMessage.Command(ticket.customerId(), ticket.number(),
                    MessageContent.text(e.payload(), Channel.TELEGRAM, e.externalEventId())));
            if (ticket == ann && !resolved.getAndSet(true)) {   // an agent resolves it after Ann's message was read, before the batch is written
                another.executeWithoutResult(status ->
                        jdbc.update("UPDATE tickets SET status = 'RESOLVED', version = version + 1 WHERE id = ?", ann.id()));
            }
        });
        inbox.append(List.of(event("a1", "chat-Ann", "It came broken"), event("b1", "chat-Bob", "Any news?")));

        processor.drainAll();

        assertThat(jdbc.queryForObject("SELECT status FROM tickets WHERE id = ?", String.class, ann.id()))
                .as("the message reopened the ticket resolved meanwhile").isEqualTo("ASSIGNED");
        assertThat(queries.conversation(ann.id())).extracting(MessageView::body).containsExactly("It came broken");
        assertThat(queries.conversation(bob.id())).extracting(MessageView::body).containsExactly("Any news?");
    }
}
