package com.careregistry.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.outbox.Outbox;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of several chats' events writes the outbox rows its events enqueue with one insert once all
 * of them are handled; a batch that fails writes none of them, and its events, then handled one by
 * one, write theirs once.
 */
class InboxBatchWritesTest extends CoreTest {

    @Autowired
    Inbox inbox;
    @Autowired
    InboxProcessor processor;
    @Autowired
    Outbox outbox;
    @Autowired
    PlatformTransactionManager transactionManager;

    private static InboundEvent event(String id, String chat, String payload) {
        return new InboundEvent(Channel.TELEGRAM, id, "TELEGRAM:" + chat, payload);
    }

    /** Each event is answered twice in its chat. */
    private void answerEachEventTwice() {
        telegramInbox.behave(e -> {
            ChatAddress chat = ChatAddress.of(Channel.TELEGRAM, e.orderingKey().substring("TELEGRAM:".length()));
            outbox.toChat(chat, e.payload() + " / 1");
            outbox.toChat(chat, e.payload() + " / 2");
        });
    }

    @Test
    void aBatchWritesItsEventsOutboxRowsWithOneInsertEachQueueInOrder() {
        answerEachEventTwice();
        inbox.append(List.of(event("a1", "chat-Ann", "Ann 1"), event("b1", "chat-Bob", "Bob 1"), event("c1", "chat-Cid", "Cid 1"),
                event("a2", "chat-Ann", "Ann 2"), event("b2", "chat-Bob", "Bob 2"), event("c2", "chat-Cid", "Cid 2")));

        long before = serverCount("Com_insert");
        long preparedBefore = serverCount("Com_stmt_prepare");
        processor.drainAll();   // two batches of three chats: first each chat's first event, then its second
        long inserts = serverCount("Com_insert") - before;

        assertThat(bodiesTo("chat-Ann")).containsExactly("Ann 1 / 1", "Ann 1 / 2", "Ann 2 / 1", "Ann 2 / 2");
        assertThat(bodiesTo("chat-Bob")).containsExactly("Bob 1 / 1", "Bob 1 / 2", "Bob 2 / 1", "Bob 2 / 2");
        assertThat(bodiesTo("chat-Cid")).containsExactly("Cid 1 / 1", "Cid 1 / 2", "Cid 2 / 1", "Cid 2 / 2");
        assertThat(inserts).as("one insert per batch, not one per row (12)").isEqualTo(2);
        assertThat(serverCount("Com_stmt_prepare") - preparedBefore)
                .as("the rows' nulls bound as they are: no server-side prepare to learn the parameters' types").isZero();
    }

    @Test
    void aBatchThatFailsWritesNothingAndEachEventThenWritesItsRowsOnce() {
        telegramInbox.behave(e -> {
            ChatAddress chat = ChatAddress.of(Channel.TELEGRAM, e.orderingKey().substring("TELEGRAM:".length()));
            outbox.toChat(chat, "answer to " + e.payload());
            if (e.payload().equals("poison")) {
                throw new IllegalStateException("this event cannot be handled");
            }
        });
        inbox.append(List.of(event("a1", "chat-Ann", "hello"), event("b1", "chat-Bob", "poison"), event("c1", "chat-Cid", "hi")));

        processor.drainAll();

        assertThat(bodiesTo("chat-Ann")).containsExactly("answer to hello");
        assertThat(bodiesTo("chat-Cid")).containsExactly("answer to hi");
        assertThat(bodiesTo("chat-Bob")).as("the failing event's answer rolled back with each of its tries")
                .doesNotContain("answer to poison");
    }

    @Test
    void aTransactionOfItsOwnInsideABatchWritesItsRowAtOnce() {
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        telegramInbox.behave(e -> {
            ChatAddress chat = ChatAddress.of(Channel.TELEGRAM, e.orderingKey().substring("TELEGRAM:".length()));
            outbox.toChat(chat, "gathered " + e.payload());
            own.executeWithoutResult(status -> outbox.toChat(chat, "at once " + e.payload()));
        });
        inbox.append(List.of(event("a1", "chat-Ann", "1"), event("b1", "chat-Bob", "1")));

        processor.drainAll();

        assertThat(bodiesTo("chat-Ann")).containsExactly("at once 1", "gathered 1");
        assertThat(bodiesTo("chat-Bob")).containsExactly("at once 1", "gathered 1");
    }

    private List<String> bodiesTo(String chat) {
        return jdbc.queryForList("SELECT body FROM outbox_messages WHERE chat_id = ? ORDER BY id", String.class, chat);
    }
}
