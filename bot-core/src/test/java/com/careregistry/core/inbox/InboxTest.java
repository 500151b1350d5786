package com.careregistry.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.Tickets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox against the real MariaDB: stored once, handled once per chat in order, refusals answered, poison set aside. */
class InboxTest extends CoreTest {

    @Autowired
    Inbox inbox;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Tickets tickets;
    @Autowired
    InboxRows rows;
    @Autowired
    PlatformTransactionManager transactionManager;
    TransactionTemplate transactions;

    @BeforeEach
    void transactions() {
        transactions = new TransactionTemplate(transactionManager);
    }

    private static InboundEvent event(String id, String chat, String payload) {
        return new InboundEvent(Channel.TELEGRAM, id, "TELEGRAM:" + chat, payload);
    }

    private String status(String externalId) {
        return jdbc.queryForObject("SELECT status FROM inbox_events WHERE external_event_id = ?", String.class, externalId);
    }

    @Test
    void anEventDeliveredTwiceIsStoredOnceAndHasOneEffect() {
        Customer ann = customer("Ann");
        telegramInbox.behave(e -> openTicket.open(new OpenTicketCommand(ann.id(), null, e.payload(), Channel.TELEGRAM)));

        assertThat(inbox.append(List.of(event("4711", "chat-Ann", "Phone is dead"), event("4712", "chat-Ann", "Screen too")))).isEqualTo(2);
        assertThat(inbox.append(List.of(event("4711", "chat-Ann", "Phone is dead")))).isZero();   // a redelivery
        processor.drainAll();
        inbox.append(event("4711", "chat-Ann", "Phone is dead"));                                   // after handling too
        processor.drainAll();

        assertThat(tickets.count()).isEqualTo(2);
        assertThat(telegramInbox.handled()).extracting(InboxEvent::externalEventId).containsExactly("4711", "4712");
        assertThat(status("4711")).isEqualTo("HANDLED");
        assertThat(inbox.holds(Channel.TELEGRAM, "4711")).isTrue();
        assertThat(inbox.holds(Channel.DISCORD, "4711")).isFalse();
    }

    @Test
    void aChatsHeadIsFoundWithoutReadingTheEventsQueuedBehindIt() {
        List<InboundEvent> backlog = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            backlog.add(event("a" + i, "chat-Ann", "m" + i));
            backlog.add(event("b" + i, "chat-Bob", "m" + i));
        }
        backlog.add(event("c0", "chat-Cid", "only"));
        inbox.append(backlog);

        long[] read = new long[1];
        // found and locked in one statement, with what follows each: one dive per chat, not the 800 events
        // waiting behind the heads (what MIN(id) ... GROUP BY, or a NOT EXISTS on an older one, read)
        List<InboxRows.Locked> locked = transactions.execute(status -> {
            long before = indexEntriesReadOnThisConnection();
            List<InboxRows.Locked> heads = rows.lockHeads(List.of("TELEGRAM:chat-Ann", "TELEGRAM:chat-Bob", "TELEGRAM:chat-Cid",
                    "TELEGRAM:nobody"), clock.instant());
            read[0] = indexEntriesReadOnThisConnection() - before;
            return heads;
        });
        assertThat(locked).extracting(head -> head.event().externalEventId()).containsExactly("a0", "b0", "c0");
        assertThat(locked).extracting(InboxRows.Locked::following).containsExactly(idOf("a1"), idOf("b1"), null);
        assertThat(read[0]).isLessThan(50);
    }

    @Test
    void aHeadAnotherWorkerHoldsIsSkippedAndTheEventsBehindItWait() {
        inbox.append(List.of(event("a1", "chat-Ann", "one"), event("a2", "chat-Ann", "two"), event("b1", "chat-Bob", "only")));
        List<InboxRows.Locked> theirs = transactions.execute(status -> {
            // this worker holds Ann's head; another one (its own transaction and connection) looks at Ann and Bob
            assertThat(rows.lockHeads(List.of("TELEGRAM:chat-Ann"), clock.instant())).extracting(head -> head.event().externalEventId())
                    .containsExactly("a1");
            return CompletableFuture.supplyAsync(() -> transactions.execute(other -> rows.lockHeads(List.of("TELEGRAM:chat-Ann",
                    "TELEGRAM:chat-Bob"), clock.instant()))).join();
        });
        assertThat(theirs).as("Ann's head skipped without waiting, and not her second event taken instead; Bob's taken")
                .extracting(head -> head.event().externalEventId()).containsExactly("b1");
    }

    @Test
    void aHandledHeadComesWithWhetherItsChatHasMoreAndAnOlderEventPendingAgainIsTakenFirst() {
        inbox.append(List.of(event("a1", "chat-Ann", "one"), event("a2", "chat-Ann", "two"), event("b1", "chat-Bob", "only")));
        List<String> batch = List.of("TELEGRAM:chat-Ann", "TELEGRAM:chat-Bob");

        long selectsBefore = serverCount("Com_select");
        Map<String, HeadResult> results = processor.handleBatch(batch);
        // the heads found and locked with what follows them, in one statement: no read before or after
        assertThat(serverCount("Com_select") - selectsBefore).isOne();
        assertThat(results.get("TELEGRAM:chat-Ann")).isEqualTo(new HeadResult(HeadStep.DONE, true));
        assertThat(results.get("TELEGRAM:chat-Bob")).isEqualTo(new HeadResult(HeadStep.DONE, false));

        // an older event of Ann's is pending again (as after an admin's Retry): it is her head again, before a2
        transactions.executeWithoutResult(status -> jdbc.update("UPDATE inbox_events SET status = 'PENDING' WHERE external_event_id = 'a1'"));
        Map<String, HeadResult> again = processor.handleBatch(batch);
        assertThat(again.get("TELEGRAM:chat-Ann")).isEqualTo(new HeadResult(HeadStep.DONE, true));
        assertThat(again.get("TELEGRAM:chat-Bob").step()).isEqualTo(HeadStep.IDLE);
        assertThat(status("a2")).isEqualTo("PENDING");

        processor.drainAll();
        assertThat(telegramInbox.handled()).extracting(InboxEvent::payload).containsExactly("one", "only", "one", "two");
    }

    private long idOf(String externalId) {
        return jdbc.queryForObject("SELECT id FROM inbox_events WHERE external_event_id = ?", Long.class, externalId);
    }

    @Test
    void theHeadsAreFoundInOrderWithoutATemporaryTableOnDisk() {
        // inserted so that the chats' heads are not in the order the chats are asked for
        inbox.append(List.of(event("c1", "chat-Cid", "first"), event("a1", "chat-Ann", "second"), event("b1", "chat-Bob", "third"),
                event("a2", "chat-Ann", "fourth")));

        long[] onDisk = new long[1];
        List<InboxRows.Locked> locked = transactions.execute(status -> {
            long before = sessionCount("Created_tmp_disk_tables");
            List<InboxRows.Locked> heads = rows.lockHeads(List.of("TELEGRAM:chat-Bob", "TELEGRAM:chat-Ann", "TELEGRAM:chat-Cid"),
                    clock.instant());
            onDisk[0] = sessionCount("Created_tmp_disk_tables") - before;
            return heads;
        });
        assertThat(locked).as("oldest first").extracting(head -> head.event().externalEventId()).containsExactly("c1", "a1", "b1");
        // a temporary table holding the payload (a TEXT) cannot be kept in memory: MariaDB writes it to a file it creates
        // and removes again, once per batch of every inbox worker
        assertThat(onDisk[0]).isZero();
    }

    /** MariaDB's count of index entries read one after another on this transaction's connection. */
    private long indexEntriesReadOnThisConnection() {
        return sessionCount("Handler_read_next");
    }

    @Test
    void aRefusedEventLeavesNothingOfItsEffectIsAnsweredOnceAndIsHandled() {
        Customer ann = customer("Ann");
        telegramInbox.behave(e -> openTicket.open(new OpenTicketCommand(ann.id(), null, e.payload(), Channel.TELEGRAM)));

        inbox.append(event("1", "chat-Ann", "   "));
        processor.drainAll();
        inbox.append(event("1", "chat-Ann", "   "));
        processor.drainAll();

        assertThat(tickets.count()).isZero();
        assertThat(outboxBodiesTo("chat-Ann")).containsExactly("Query cannot be empty!");
        assertThat(status("1")).isEqualTo("HANDLED");
    }

    @Test
    void aRefusalInABatchOfChatsIsAnsweredOnceAndTheOthersHaveTheirEffectOnce() {
        Customer ann = customer("Ann");
        Customer bob = customer("Bob");
        Customer cid = customer("Cid");
        Map<String, Long> customers = Map.of("chat-Ann", ann.id(), "chat-Bob", bob.id(), "chat-Cid", cid.id());
        telegramInbox.behave(e -> openTicket.open(new OpenTicketCommand(customers.get(e.orderingKey().substring("TELEGRAM:".length())),
                null, e.payload(), Channel.TELEGRAM)));
        inbox.append(List.of(event("1", "chat-Ann", "Phone is dead"), event("2", "chat-Bob", "   "), event("3", "chat-Cid", "Screen"),
                event("4", "chat-Ann", "Battery too")));

        processor.drainAll();

        assertThat(tickets.count()).isEqualTo(3);
        assertThat(telegramInbox.handled()).extracting(InboxEvent::externalEventId).containsOnlyOnce("1", "3", "4");
        assertThat(outboxBodiesTo("chat-Bob")).containsExactly("Query cannot be empty!");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events WHERE status = 'HANDLED'", Integer.class)).isEqualTo(4);
    }

    @Test
    void anEventThatKeepsFailingIsTriedAgainThenSetAsideWhileOtherChatsGoOn() {
        Customer ann = customer("Ann");
        telegramInbox.behave(e -> {
            openTicket.open(new OpenTicketCommand(ann.id(), null, "half an effect", Channel.TELEGRAM));
            if (e.payload().equals("poison")) {
                throw new IllegalStateException("cannot read this");
            }
        });
        inbox.append(List.of(event("1", "chat-Ann", "poison"), event("2", "chat-Ann", "after the poison"),
                event("3", "chat-Bob", "Bob's message")));

        processor.drainAll();
        assertThat(telegramInbox.handled()).extracting(InboxEvent::payload).containsExactly("Bob's message");
        assertThat(tickets.count()).isEqualTo(1);                     // the failed try left nothing
        assertThat(status("1")).isEqualTo("PENDING");
        assertThat(status("2")).isEqualTo("PENDING");                 // Ann's chat waits for its head
        assertThat(jdbc.queryForObject("SELECT last_error FROM inbox_events WHERE external_event_id = '1'", String.class))
                .contains("cannot read this");

        processor.drainAll();                                          // not due yet: nothing happens
        assertThat(jdbc.queryForObject("SELECT attempts FROM inbox_events WHERE external_event_id = '1'", Integer.class)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));                          // the second try, after 1 s
        processor.drainAll();
        assertThat(status("1")).isEqualTo("PENDING");
        clock.advance(Duration.ofSeconds(2));                          // the third and last, after 2 s more
        processor.drainAll();

        assertThat(status("1")).isEqualTo("FAILED");
        assertThat(status("2")).isEqualTo("HANDLED");                 // Ann's chat moved on
        assertThat(telegramInbox.handled()).extracting(InboxEvent::payload).containsExactly("Bob's message", "after the poison");
        assertThat(outboxBodiesTo("chat-Ann")).containsExactly("We could not process that message; our team has been told.");
        assertThat(inbox.countFailed()).isEqualTo(1);
        assertThat(inbox.failed(10)).singleElement().satisfies(failed -> {
            assertThat(failed.externalEventId()).isEqualTo("1");
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).contains("IllegalStateException: cannot read this");
            assertThat(failed.payloadStart()).isEqualTo("poison");
        });

        // a restart never brings it back to the front
        processor.drainAll();
        assertThat(status("1")).isEqualTo("FAILED");

        // once its cause is gone, an admin's Retry handles it
        telegramInbox.behave(e -> openTicket.open(new OpenTicketCommand(ann.id(), null, e.payload(), Channel.TELEGRAM)));
        long failedId = inbox.failed(1).get(0).id();
        inbox.retry(failedId);
        processor.drainAll();
        assertThat(status("1")).isEqualTo("HANDLED");
        assertThat(inbox.countFailed()).isZero();
        assertThatThrownBy(() -> inbox.retry(failedId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDiscardedEventStaysKnownButIsNoLongerListed() {
        telegramInbox.behave(e -> {
            throw new IllegalArgumentException("never");
        });
        inbox.append(event("9", "chat-Ann", "x"));
        for (int i = 0; i < 3; i++) {
            processor.drainAll();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(status("9")).isEqualTo("FAILED");

        inbox.discard(inbox.failed(1).get(0).id());

        assertThat(status("9")).isEqualTo("DISCARDED");
        assertThat(inbox.failed(10)).isEmpty();
        assertThat(inbox.append(event("9", "chat-Ann", "x"))).isZero();
    }

    @Test
    void workersInParallelHandleEachEventOnceAndEachChatInOrder() throws Exception {
        int chats = 12;
        int perChat = 25;
        List<InboundEvent> events = new ArrayList<>();
        for (int n = 0; n < perChat; n++) {
            for (int c = 0; c < chats; c++) {
                events.add(event("c" + c + "-" + n, "chat-" + c, String.valueOf(n)));
            }
        }
        telegramInbox.behave(e -> jdbc.update("INSERT INTO categories (name, active, created_at) VALUES (?, TRUE, CURRENT_TIMESTAMP(6))",
                e.externalEventId()));
        inbox.append(events);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int worker = 0; worker < 6; worker++) {
                runs.add(pool.submit(processor::drainAll));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<InboxEvent> handled = telegramInbox.handled();
        assertThat(handled).hasSize(chats * perChat);
        assertThat(handled).extracting(InboxEvent::externalEventId).doesNotHaveDuplicates();
        // the order the effects were written in (an event of a chat is handled only after the one before committed)
        Map<String, List<Integer>> byChat = new HashMap<>();
        jdbc.query("SELECT name FROM categories WHERE name LIKE 'c%' ORDER BY id", rs -> {
            String[] name = rs.getString(1).substring(1).split("-");
            byChat.computeIfAbsent(name[0], k -> new ArrayList<>()).add(Integer.valueOf(name[1]));
        });
        assertThat(byChat).hasSize(chats);
        byChat.values().forEach(order -> assertThat(order).isSorted().hasSize(perChat));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM categories", Integer.class)).isEqualTo(1 + chats * perChat);
        assertThat(inbox.countPending()).isZero();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsNoFailureOfTheEvent() {
        assertThat(Failures.unreachable(new CannotCreateTransactionException("no connection",
                new java.sql.SQLNonTransientConnectionException("Socket fail to connect", "08000")))).isTrue();
        assertThat(Failures.unreachable(new DataAccessResourceFailureException("down"))).isTrue();
        assertThat(Failures.unreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(Failures.unreachable(new org.springframework.dao.DataIntegrityViolationException("Data too long"))).isFalse();
    }
}
