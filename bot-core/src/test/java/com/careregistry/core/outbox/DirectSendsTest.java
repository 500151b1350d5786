package com.careregistry.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.InboxProcessor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While a lane runs, what the inbox's events write to a queue with nothing pending is written claimed
 * and sent when their transaction commits, without the lane claiming it (the lane's own thread never
 * steps in these tests, so only a direct send can deliver); a row behind another waits for it, and the
 * receipt of a delivered copy goes out the same way.
 */
class DirectSendsTest extends CoreTest {

    @Autowired
    Inbox inbox;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    OutboxSettings settings;
    @Autowired
    PlatformTransactionManager transactions;

    private OutboxLane lane;

    @BeforeEach
    void openLane() {
        lane = dispatcher.lane(telegramSender);
    }

    @AfterEach
    void closeLane() {
        lane.finish(Duration.ofSeconds(5));
    }

    /** Each event is answered in its chat with the event's payload, as many times as the payload says ("a x2"). */
    private void answerEachEvent() {
        telegramInbox.behave(e -> {
            ChatAddress chat = ChatAddress.of(Channel.TELEGRAM, e.orderingKey().substring("TELEGRAM:".length()));
            String[] parts = e.payload().split(" x");
            int times = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            for (int i = 1; i <= times; i++) {
                outbox.toChat(chat, parts[0] + (times > 1 ? " / " + i : ""));
            }
            if (parts[0].equals("poison")) {
                throw new IllegalStateException("this event cannot be handled");
            }
        });
    }

    private static InboundEvent event(String id, String chat, String payload) {
        return new InboundEvent(Channel.TELEGRAM, id, "TELEGRAM:" + chat, payload);
    }

    @Test
    void aBatchsRowsToFreeQueuesAreSentWhenItCommitsWithoutAClaim() {
        answerEachEvent();
        inbox.append(List.of(event("a1", "chat-Ann", "Ann 1"), event("b1", "chat-Bob", "Bob 1")));
        long inserts = serverCount("Com_insert");

        processor.drainAll();

        awaitDelivered(2);
        assertThat(bodies(telegramSender.delivered())).containsExactlyInAnyOrder("Ann 1", "Bob 1");
        assertThat(telegramSender.delivered()).allSatisfy(message -> assertThat(message.attempt()).isOne());
        awaitRecorded();
        assertThat(jdbc.queryForList("SELECT status FROM outbox_messages", String.class)).containsOnly("SENT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE attempts <> 1 OR claimed_by IS NOT NULL", Long.class))
                .as("each sent on its first try, and let go when recorded").isZero();
        assertThat(serverCount("Com_insert") - inserts).as("the batch's rows written claimed with one insert").isOne();
    }

    @Test
    void aRowBehindAPendingOneWaitsForItAndTheQueueKeepsItsOrder() {
        answerEachEvent();
        // written outside the inbox, pending: nothing has claimed it yet
        new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.toChat(ChatAddress.of(Channel.TELEGRAM, "chat-Ann"),
                "earlier"));
        inbox.append(List.of(event("a1", "chat-Ann", "Ann 1 x2"), event("b1", "chat-Bob", "Bob 1 x2")));

        processor.drainAll();

        awaitDelivered(1);
        assertThat(bodies(telegramSender.delivered())).as("only Bob's first: Ann's queue had a row pending, Bob's second waits for his first")
                .containsExactly("Bob 1 / 1");
        assertThat(jdbc.queryForList("SELECT body FROM outbox_messages WHERE claimed_by IS NULL AND status = 'PENDING' ORDER BY id",
                String.class)).containsExactly("earlier", "Ann 1 / 1", "Ann 1 / 2", "Bob 1 / 2");

        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(20)).until(() -> {
            lane.step();   // the lane claims the rest, each queue's head in turn
            return telegramSender.delivered().size() >= 5;
        });
        List<String> delivered = bodies(telegramSender.delivered());
        assertThat(delivered.stream().filter(body -> body.startsWith("Ann") || body.equals("earlier")))
                .containsExactly("earlier", "Ann 1 / 1", "Ann 1 / 2");
        assertThat(delivered.stream().filter(body -> body.startsWith("Bob"))).containsExactly("Bob 1 / 1", "Bob 1 / 2");
    }

    @Test
    void whetherAQueueHasARowPendingIsReadWithOneDiveHoweverManyWaitThere() {
        answerEachEvent();
        // a backlog, as under a burst: 500 rows pending in Ann's queue, none claimed
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 500; i++) {
                outbox.toChat(ChatAddress.of(Channel.TELEGRAM, "chat-Ann"), "earlier " + i);
            }
        });
        inbox.append(List.of(event("a1", "chat-Ann", "Ann 1"), event("b1", "chat-Bob", "Bob 1")));
        long before = serverCount("Handler_read_next");

        processor.drainAll();

        awaitDelivered(1);
        assertThat(serverCount("Handler_read_next") - before).as("index entries read: not Ann's 500 waiting rows").isLessThan(100);
        assertThat(bodies(telegramSender.delivered())).as("Ann's row waits behind her backlog; Bob's queue was free").containsExactly("Bob 1");
        assertThat(jdbc.queryForObject("SELECT claimed_by FROM outbox_messages WHERE body = 'Ann 1'", String.class)).isNull();
    }

    @Test
    void aBatchThatRollsBackSendsNothingAndItsEventsThenSendOnce() {
        answerEachEvent();
        inbox.append(List.of(event("a1", "chat-Ann", "hello"), event("b1", "chat-Bob", "poison"), event("c1", "chat-Cid", "hi")));

        processor.drainAll();

        awaitDelivered(2);
        awaitRecorded();
        assertThat(bodies(telegramSender.delivered())).containsExactlyInAnyOrder("hello", "hi");
        assertThat(jdbc.queryForList("SELECT body FROM outbox_messages", String.class)).containsExactlyInAnyOrder("hello", "hi");
    }

    @Test
    void aDeliveredCopyGetsItsReceiptAtOnce() {
        telegramInbox.behave(e -> outbox.toChatAbout(null, ChatAddress.of(Channel.TELEGRAM, "staff"), "Ann wrote: " + e.payload(), List.of(),
                List.of(), new MessageRef(Channel.TELEGRAM, "chat-Ann", "41")));
        inbox.append(List.of(event("a1", "chat-Ann", "hello")));

        processor.drainAll();

        awaitDelivered(2);
        assertThat(telegramSender.delivered()).satisfiesExactly(
                copy -> assertThat(copy.body()).isEqualTo("Ann wrote: hello"),
                receipt -> assertThat(receipt).extracting(m -> m.chat().chatId(), OutboundMessage::reactTo, OutboundMessage::body)
                        .containsExactly("chat-Ann", "41", settings.receipt()));
        awaitRecorded();
        assertThat(jdbc.queryForList("SELECT status FROM outbox_messages", String.class)).containsExactly("SENT", "SENT");
    }

    @Test
    void afterTheLaneStoppedRowsAreWrittenPendingForTheNextOne() {
        lane.finish(Duration.ofSeconds(1));
        answerEachEvent();
        inbox.append(List.of(event("a1", "chat-Ann", "Ann 1")));

        processor.drainAll();

        assertThat(jdbc.queryForMap("SELECT status, claimed_by, attempts FROM outbox_messages"))
                .containsEntry("status", "PENDING").containsEntry("claimed_by", null).containsEntry("attempts", 0);
        assertThat(telegramSender.delivered()).isEmpty();
        lane = dispatcher.lane(telegramSender);
        lane.step();
        awaitDelivered(1);
    }

    private void awaitDelivered(int count) {
        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10)).until(() -> telegramSender.delivered().size() >= count);
    }

    /** Until the senders recorded what they sent (they record after the platform answered). */
    private void awaitRecorded() {
        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE status = 'PENDING'", Long.class) == 0);
    }

    private static List<String> bodies(List<OutboundMessage> messages) {
        return messages.stream().map(OutboundMessage::body).toList();
    }
}
