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
import org.springframework.test.context.TestPropertySource;

/**
 * A delivered receipt's "sent" mark waits (here for an hour, so only what the lane does can mark it)
 * and goes in the commit of the next outcomes recorded; the lane's end marks those still waiting. In
 * the meantime the receipt stays claimed: nothing sends it again.
 */
@TestPropertySource(properties = "careregistry.outbox.receipt-marks=1h")
class ReceiptMarksTest extends CoreTest {

    @Autowired
    Inbox inbox;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;

    private OutboxLane lane;

    @BeforeEach
    void openLane() {
        lane = dispatcher.lane(telegramSender);
        // each customer's message is copied to the staff chat; its receipt goes back to the customer's message
        telegramInbox.behave(e -> outbox.toChatAbout(null, ChatAddress.of(Channel.TELEGRAM, "staff"), "wrote: " + e.payload(), List.of(),
                List.of(), new MessageRef(Channel.TELEGRAM, e.orderingKey().substring("TELEGRAM:".length()), e.externalEventId())));
    }

    @AfterEach
    void closeLane() {
        lane.finish(Duration.ofSeconds(5));
    }

    @Test
    void aReceiptsMarkGoesWithTheNextRecordAndNotInACommitOfItsOwn() {
        relay("41", "chat-Ann", "hello");
        awaitDelivered(2);   // the copy, then Ann's receipt
        // without the window its sender marks it at once; here it stays claimed and unmarked
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> jdbc.queryForMap(
                "SELECT status, claimed_by FROM outbox_messages WHERE react_to = '41'"), row -> "PENDING".equals(row.get("status"))
                && row.get("claimed_by") != null);
        assertThat(status("staff")).as("the copy was marked in its own record").isEqualTo("SENT");
        assertThat(dispatcher.claim(Channel.TELEGRAM, 10, List.of())).as("a claimed receipt is not sent again").isEmpty();

        relay("42", "chat-Bob", "hi");   // Bob's copy is recorded with Ann's receipt's mark
        awaitDelivered(4);   // Bob's copy, then his receipt, written when his copy was recorded
        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject("SELECT status FROM outbox_messages WHERE react_to = '41'", String.class).equals("SENT"));
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_messages WHERE react_to = '42'", String.class))
                .as("Bob's own receipt waits for the next record").isEqualTo("PENDING");

        lane.finish(Duration.ofSeconds(5));   // the lane's end records what still waits
        assertThat(jdbc.queryForList("SELECT status FROM outbox_messages", String.class)).containsOnly("SENT").hasSize(4);
        assertThat(telegramSender.delivered()).extracting(OutboundMessage::reactTo).containsExactly(null, "41", null, "42");
    }

    @Test
    void aCopysReceiptIsSentByTheThreadThatRecordedTheCopy() {
        relay("51", "chat-Cy", "hey");
        awaitDelivered(2);
        assertThat(telegramSender.delivered()).extracting(OutboundMessage::reactTo).containsExactly(null, "51");
        List<String> threads = telegramSender.deliveredOn();
        assertThat(threads.get(0)).startsWith("outbox-telegram-send-");
        assertThat(threads.get(1)).as("no hand-off to another sender").isEqualTo(threads.get(0));
    }

    private void relay(String eventId, String chat, String text) {
        inbox.append(List.of(new InboundEvent(Channel.TELEGRAM, eventId, "TELEGRAM:" + chat, text)));
        processor.drainAll();
    }

    private String status(String chat) {
        return jdbc.queryForObject("SELECT status FROM outbox_messages WHERE chat_id = ?", String.class, chat);
    }

    private void awaitDelivered(int count) {
        await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10)).until(() -> telegramSender.delivered().size() >= count);
    }
}
