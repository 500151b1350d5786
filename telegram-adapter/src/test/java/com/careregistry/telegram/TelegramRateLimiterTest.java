package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
     * limit in any window of a second, counted when each request was written ({@code sent}), however
     * late after its grant the sending thread got there.
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
                    if (chat.endsWith("3")) {
                        Thread.sleep(60);   // descheduled between the grant and writing the request
                    }
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
}
