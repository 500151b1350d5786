package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TelegramRateLimiterTest {

    static TelegramSettings limits(Duration privateInterval, int groupPerMinute, int perSecond) {
        return new TelegramSettings("1:x", URI.create("http://127.0.0.1:1"), null, TelegramSettings.Mode.POLLING, null, null,
                "/telegram/webhook", Duration.ofSeconds(50), Duration.ofMillis(5), privateInterval, groupPerMinute, perSecond,
                Duration.ofMillis(25), Duration.ofSeconds(3));
    }

    @Test
    void onePerSecondToAPrivateChatOthersUnaffected() {
        TelegramRateLimiter limiter = new TelegramRateLimiter(limits(Duration.ofSeconds(1), 20, 30));
        assertThat(limiter.tryAcquire("42")).isEmpty();
        assertThat(limiter.tryAcquire("42")).hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofMillis(900), Duration.ofMillis(1100)));
        assertThat(limiter.tryAcquire("43")).isEmpty();
    }

    @Test
    void twentyAMinuteToAGroupAndALongerWaitIsHandedBack() throws Exception {
        TelegramRateLimiter limiter = new TelegramRateLimiter(limits(Duration.ofSeconds(1), 20, 1000));
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire("-100777", Duration.ofSeconds(3))).isEmpty();
        }
        long start = System.nanoTime();
        assertThat(limiter.acquire("-100777", Duration.ofSeconds(3))).hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(55)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a wait beyond patience is not waited").isLessThan(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("-100888")).isEmpty();
    }

    @Test
    void thirtyASecondOverall() {
        TelegramRateLimiter limiter = new TelegramRateLimiter(limits(Duration.ofSeconds(1), 20, 30));
        for (int chat = 0; chat < 30; chat++) {
            assertThat(limiter.tryAcquire(String.valueOf(1000 + chat))).isEmpty();
        }
        assertThat(limiter.tryAcquire("2000")).isPresent();
    }

    /**
     * Many senders waiting at once: each slot granted as soon as it frees, and never more than the
     * limit in any window of a second, counted when each request was written ({@code sent}). A sender
     * that writes its request late after its grant is the next test's, on a clock the test moves.
     */
    @Test
    void waitingSendersAreGrantedSlotsAsTheyFreeAndNeverMoreThanTheLimitInAnySecond() throws Exception {
        int perSecond = 10;
        TelegramRateLimiter limiter = new TelegramRateLimiter(limits(Duration.ofSeconds(1), 20, perSecond));
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 35; i++) {
                String chat = String.valueOf(5000 + i);
                all.add(senders.submit(() -> {
                    assertThat(limiter.acquire(chat, Duration.ofSeconds(10))).isEmpty();
                    grants.add(System.nanoTime());
                    limiter.sent();
                    return null;
                }));
            }
            for (Future<?> future : all) {
                future.get();
            }
        } finally {
            senders.shutdownNow();
        }
        List<Long> sorted = grants.stream().sorted().toList();
        for (int i = perSecond; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - perSecond)).as("grant %d and the %dth before it", i, perSecond)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1000).toNanos());
        }
        // 35 slots at 10 a second: the last is due after 3 windows (3.075 s with the margin), and not much later
        assertThat(Duration.ofNanos(sorted.get(sorted.size() - 1) - start)).isBetween(Duration.ofMillis(3000), Duration.ofMillis(3800));
    }

    /**
     * A sender held up between its grant and writing its request (descheduled, a GC pause) counts
     * from when it wrote it: a slot counted from its grant would let the next window open that much
     * early, and two messages reach Telegram less than a second apart. The time is the test's own
     * clock; the held-up sender is a thread that writes when the test lets it.
     */
    @Test
    void aMessageCountsFromWhenItsRequestWasWrittenNotFromItsGrant() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        long millis = 1_000_000L;
        int perSecond = 10;
        TelegramRateLimiter limiter = new TelegramRateLimiter(limits(Duration.ofSeconds(1), 20, perSecond), now::get);
        for (int chat = 0; chat < 3; chat++) {
            assertThat(limiter.tryAcquire(String.valueOf(6000 + chat))).isEmpty();
            limiter.sent();
        }
        CountDownLatch granted = new CountDownLatch(1);
        CountDownLatch write = new CountDownLatch(1);
        ExecutorService heldUp = Executors.newSingleThreadExecutor();
        try {
            Future<?> late = heldUp.submit(() -> {
                assertThat(limiter.tryAcquire("6003")).isEmpty();
                granted.countDown();
                write.await();
                limiter.sent();
                return null;
            });
            assertThat(granted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int chat = 4; chat < perSecond; chat++) {
                assertThat(limiter.tryAcquire(String.valueOf(6000 + chat))).isEmpty();
                limiter.sent();
            }
            assertThat(limiter.tryAcquire("6100")).as("ten granted in this second").isPresent();

            now.addAndGet(60 * millis);   // the fourth request is written 60 ms after its grant
            write.countDown();
            late.get(10, TimeUnit.SECONDS);
        } finally {
            heldUp.shutdownNow();
        }

        now.addAndGet(965 * millis);   // a second and the margin (25 ms) after the first grants
        for (int chat = 0; chat < 3; chat++) {
            assertThat(limiter.tryAcquire(String.valueOf(6200 + chat))).as("the three written first have left the window").isEmpty();
            limiter.sent();
        }
        assertThat(limiter.tryAcquire("6210")).as("the fourth counts from its writing, 60 ms after the others")
                .hasValue(Duration.ofMillis(60));

        now.addAndGet(60 * millis);
        assertThat(limiter.tryAcquire("6211")).as("a second and the margin after the late request was written").isEmpty();
    }
}
