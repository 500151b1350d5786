package com.careregistry.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxDispatcherTest extends CoreTest {

    static final ChatAddress ANN = ChatAddress.of(Channel.TELEGRAM, "chat-ann");
    static final ChatAddress BOB = ChatAddress.of(Channel.TELEGRAM, "chat-bob");

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    OutboxSettings settings;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void senderThatFailsTwiceThenSucceedsDeliversExactlyOnceAndInOrder() {
        Long a1 = write(ANN, "a1");
        write(ANN, "a2");
        write(ANN, "a3");
        telegramSender.failFor("a1", "connection reset", "HTTP 502 Bad Gateway");

        assertThat(dispatcher.dispatchDue(telegramSender)).isEqualTo(1);   // a1 fails
        assertThat(dispatcher.dispatchDue(telegramSender)).isZero();       // a1 waits its backoff; a2 waits for a1
        write(BOB, "b1");
        assertThat(dispatcher.dispatchDue(telegramSender)).isEqualTo(1);   // another chat is not held up
        clock.advance(settings.initialBackoff());
        dispatcher.dispatchDue(telegramSender);                            // a1 fails again
        assertThat(outboxRows.findById(a1).orElseThrow().lastError()).isEqualTo("HTTP 502 Bad Gateway");
        clock.advance(settings.initialBackoff().multipliedBy(2));
        drain();

        assertThat(bodies(telegramSender.delivered())).containsExactly("b1", "a1", "a2", "a3");
        assertThat(bodies(telegramSender.tries())).filteredOn("a1"::equals).hasSize(3);
        OutboxMessage sent = outboxRows.findById(a1).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.externalMessageId()).isNotBlank();
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void senderThatAlwaysFailsEndsDeadWithItsErrorAndTheChatMovesOn() {
        Long doomed = write(ANN, "never arrives");
        write(ANN, "after it");
        telegramSender.alwaysFail("403 Forbidden: bot was blocked by the user");

        for (int round = 0; round < settings.maxAttempts() + 2; round++) {
            dispatcher.dispatchDue(telegramSender);
            clock.advance(settings.maxBackoff());
        }

        OutboxMessage dead = outboxRows.findById(doomed).orElseThrow();
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(settings.maxAttempts());
        assertThat(dead.lastError()).isEqualTo("403 Forbidden: bot was blocked by the user");
        assertThat(outbox.dead(10)).extracting(DeliveryView::id).contains(doomed);
    }

    @Test
    void deadRowRetriedByAnAdminIsSentAgain() {
        Long doomed = write(ANN, "try me again");
        telegramSender.alwaysFail("down");
        for (int round = 0; round < settings.maxAttempts(); round++) {
            dispatcher.dispatchDue(telegramSender);
            clock.advance(settings.maxBackoff());
        }
        assertThat(outboxRows.findById(doomed).orElseThrow().status()).isEqualTo(OutboxStatus.DEAD);

        telegramSender.reset();
        outbox.retry(doomed);
        drain();
        assertThat(bodies(telegramSender.delivered())).containsExactly("try me again");
        assertThat(outboxRows.findById(doomed).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void rateLimitIsHonouredWithoutCountingAsAFailedTry() {
        Long row = write(ANN, "slow down");
        telegramSender.rateLimitNext(Duration.ofSeconds(30));

        dispatcher.dispatchDue(telegramSender);
        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.dispatchDue(telegramSender)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.dispatchDue(telegramSender)).isEqualTo(1);

        OutboxMessage sent = outboxRows.findById(row).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(bodies(telegramSender.delivered())).containsExactly("slow down");
    }

    @Test
    void aMessageDeliveredInPartGoesOnFromWhereItStopped() {
        Long row = write(ANN, "long text in three parts");
        telegramSender.failNextAfterParts("HTTP 502 on part 2", 1);

        dispatcher.dispatchDue(telegramSender);
        assertThat(outboxRows.findById(row).orElseThrow().partsSent()).isEqualTo(1);
        clock.advance(settings.initialBackoff());
        dispatcher.dispatchDue(telegramSender);

        assertThat(telegramSender.tries()).extracting(OutboundMessage::partsSent).containsExactly(0, 1);
        assertThat(outboxRows.findById(row).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void rowsOfOtherChannelsAreNotTouched() {
        write(ANN, "to telegram");
        write(ChatAddress.of(Channel.DISCORD, "dm-1"), "to discord");
        drain();
        assertThat(bodies(telegramSender.delivered())).containsExactly("to telegram");
        assertThat(discordSender.delivered()).isEmpty();
    }

    @Test
    void twoDispatchersSharingTheOutboxSendEachRowOnceAndEachChatInOrder() throws Exception {
        int chats = 10;
        int perChat = 15;
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < perChat; i++) {
                for (int chat = 0; chat < chats; chat++) {
                    outbox.toChat(ChatAddress.of(Channel.TELEGRAM, "chat-" + chat), chat + ":" + i);
                }
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (telegramSender.delivered().size() < chats * perChat && System.nanoTime() < deadline) {
                        dispatcher.dispatchDue(telegramSender);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> delivered = bodies(telegramSender.delivered());
        assertThat(delivered).hasSize(chats * perChat).doesNotHaveDuplicates();
        Map<String, List<Integer>> byChat = delivered.stream().collect(Collectors.groupingBy(
                body -> body.substring(0, body.indexOf(':')),
                Collectors.mapping(body -> Integer.parseInt(body.substring(body.indexOf(':') + 1)), Collectors.toList())));
        assertThat(byChat).hasSize(chats);
        byChat.values().forEach(sequence -> assertThat(sequence).isSorted());
    }

    @Test
    void rowsADeadProcessHadClaimedWaitForTheirLeaseUnlessItsRestartTakesThemBack() {
        write(ANN, "a1");
        write(BOB, "b1");
        assertThat(dispatcher.claim(Channel.TELEGRAM, 10, java.util.Set.of())).hasSize(2);   // then the process dies
        assertThat(dispatcher.claim(Channel.TELEGRAM, 10, java.util.Set.of())).as("leased").isEmpty();

        assertThat(dispatcher.takeBackClaims()).isEqualTo(2);   // the same instance, started again

        assertThat(dispatcher.claim(Channel.TELEGRAM, 10, java.util.Set.of())).extracting(OutboundMessage::body)
                .containsExactly("a1", "b1");
    }

    @Test
    void aLeaseRenewalAfterEverySendEndedMeanwhileRenewsNothingAndFailsNothing() {
        Long a1 = write(ANN, "a1");
        assertThat(dispatcher.claim(Channel.TELEGRAM, 10, java.util.Set.of())).hasSize(1);
        java.sql.Timestamp leased = lockedUntil(a1);

        // the lane saw a1 in flight, and its sender ended before the renewal read the set: it renews an empty one
        // (an empty "id IN ()" had failed the lane's step, which then slept a whole second: every chat waited)
        dispatcher.renew(java.util.Set.of());

        assertThat(lockedUntil(a1)).isEqualTo(leased);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.renew(java.util.Set.of(a1));
        assertThat(lockedUntil(a1)).isAfter(leased);
    }

    private java.sql.Timestamp lockedUntil(Long row) {
        return jdbc.queryForObject("SELECT locked_until FROM outbox_messages WHERE id = ?", java.sql.Timestamp.class, row);
    }

    @Test
    void aLaneKeepsManyChatsInFlightAndEachChatInOrder() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                for (int chat = 0; chat < 6; chat++) {
                    outbox.toChat(ChatAddress.of(Channel.TELEGRAM, "lane-" + chat), chat + ":" + i);
                }
            }
        });
        OutboxLane lane = dispatcher.lane(telegramSender);
        // the test drives the lane by hand: a step at each poll until all thirty went out
        await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(30)).until(() -> {
            lane.step();
            return telegramSender.delivered().size() >= 30;
        });
        lane.finish(Duration.ofSeconds(5));

        List<String> delivered = bodies(telegramSender.delivered());
        assertThat(delivered).hasSize(30).doesNotHaveDuplicates();
        Map<String, List<Integer>> byChat = delivered.stream().collect(Collectors.groupingBy(
                body -> body.substring(0, body.indexOf(':')),
                Collectors.mapping(body -> Integer.parseInt(body.substring(body.indexOf(':') + 1)), Collectors.toList())));
        byChat.values().forEach(sequence -> assertThat(sequence).isSorted());
        assertThat(lane.inFlight()).isZero();
        assertThat(outboxRows.findAll()).allSatisfy(row -> assertThat(row.status()).isEqualTo(OutboxStatus.SENT));
    }

    @Autowired
    OutboxRows rows;

    @Test
    void aDeliveredCopyGetsItsReceiptWhichWaitsForRoomBehindMessages() {
        ChatAddress carol = ChatAddress.of(Channel.TELEGRAM, "chat-carol");
        new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.toChatAbout(null, ANN, "Bob wrote: hello", List.of(), List.of(),
                new MessageRef(Channel.TELEGRAM, "chat-bob", "41")));
        assertThat(dispatcher.dispatchDue(telegramSender)).isOne();   // the copy, delivered
        Map<String, Object> receipt = jdbc.queryForMap("SELECT chat_id, body, react_to, status FROM outbox_messages WHERE react_to IS NOT NULL");
        assertThat(receipt).containsEntry("chat_id", "chat-bob").containsEntry("body", settings.receipt())
                .containsEntry("react_to", "41").containsEntry("status", "PENDING");

        write(carol, "c1");   // newer than the receipt, and claimed first
        assertThat(rows.claim(Channel.TELEGRAM, 1, List.of())).extracting(OutboundMessage::body).containsExactly("c1");
        assertThat(rows.claim(Channel.TELEGRAM, 1, List.of())).singleElement()
                .satisfies(reaction -> assertThat(reaction.reactTo()).isEqualTo("41"));
    }

    /** Writes a message to the chat; returns its row's id. */
    private Long write(ChatAddress to, String text) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.toChat(to, text));
        return jdbc.queryForObject("SELECT MAX(id) FROM outbox_messages", Long.class);
    }

    private void drain() {
        for (int round = 0; round < 100 && dispatcher.dispatchDue(telegramSender) > 0; round++) {
            // keep going while there is work
        }
    }

    private static List<String> bodies(List<OutboundMessage> messages) {
        return messages.stream().map(OutboundMessage::body).toList();
    }
}
