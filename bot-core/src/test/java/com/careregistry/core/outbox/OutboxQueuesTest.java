package com.careregistry.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A claim reads each known queue's head with one index dive, not every pending row; a queue it did
 * not hear of (written by another instance) is found by the full read of the next poll interval.
 */
class OutboxQueuesTest extends CoreTest {

    static final ChatAddress ANN = OutboxDispatcherTest.ANN;
    static final ChatAddress BOB = OutboxDispatcherTest.BOB;
    static final ChatAddress CID = ChatAddress.of(Channel.TELEGRAM, "chat-cid");

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    OutboxSettings settings;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aClaimUnderABacklogReadsEachQueuesHeadWithOneDive() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 300; i++) {
                for (ChatAddress chat : List.of(ANN, BOB, CID)) {
                    outbox.toChat(chat, chat.chatId() + " " + i);
                }
            }
        });
        clock.advance(java.time.Duration.ofDays(1));   // whenever the last full read was (an earlier test's clock), one is due
        long before = serverCount("Handler_read_next");
        dispatcher.dispatchDue(telegramSender);
        long fullRead = serverCount("Handler_read_next") - before;

        before = serverCount("Handler_read_next");
        dispatcher.dispatchDue(telegramSender);
        long dives = serverCount("Handler_read_next") - before;

        assertThat(fullRead).as("the full read goes through every pending row").isGreaterThanOrEqualTo(900);
        assertThat(dives).as("three known queues, one dive each, with 897 rows waiting behind their heads").isLessThan(50);
        assertThat(bodies()).containsExactlyInAnyOrder("chat-ann 0", "chat-bob 0", "chat-cid 0", "chat-ann 1", "chat-bob 1", "chat-cid 1");
    }

    @Test
    void withMoreQueuesThanOneStatementDivesIntoTheHeadsAreReadByGrouping() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 300; i++) {
                outbox.toChat(ChatAddress.of(Channel.TELEGRAM, "chat-" + i), "hello " + i);
            }
        });
        dispatcher.dispatchDue(telegramSender);   // a round of heads sent; 250 queues still wait, one row each

        long before = serverCount("Handler_read_next");
        dispatcher.dispatchDue(telegramSender);

        assertThat(serverCount("Handler_read_next") - before)
                .as("250 queues known: one grouping read of their 250 rows, not 250 dives in two statements")
                .isGreaterThanOrEqualTo(250);
        assertThat(telegramSender.delivered()).hasSize(2 * settings.batchSize());
    }

    @Test
    void aQueueWrittenByAnotherInstanceIsFoundAtTheNextFullRead() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.toChat(ANN, "from here"));
        dispatcher.dispatchDue(telegramSender);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            outbox.toChat(ANN, "from here again");
            jdbc.update("""
                    INSERT INTO outbox_messages (channel, chat_id, ordering_key, body, status, attempts, parts_sent, next_attempt_at,
                                                 created_at)
                    SELECT channel, 'chat-bob', 'TELEGRAM:chat-bob', 'from another instance', 'PENDING', 0, 0, next_attempt_at, created_at
                    FROM outbox_messages WHERE body = 'from here again'
                    """);
        });

        dispatcher.dispatchDue(telegramSender);
        assertThat(bodies()).as("a queue this instance was not told of waits for the full read")
                .containsExactly("from here", "from here again");

        clock.advance(settings.pollInterval());
        dispatcher.dispatchDue(telegramSender);
        assertThat(bodies()).containsExactly("from here", "from here again", "from another instance");
    }

    private List<String> bodies() {
        return telegramSender.delivered().stream().map(OutboundMessage::body).toList();
    }
}
