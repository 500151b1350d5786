package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelegramRateLimiterTest {

    static TelegramSettings limits(Duration privateInterval, int groupPerMinute, int perSecond) {
        return new TelegramSettings("1:x", URI.create("http://127.0.0.1:1"), null, TelegramSettings.Mode.POLLING, null, null,
                "/telegram/webhook", Duration.ofSeconds(50), Duration.ofMillis(5), privateInterval, groupPerMinute, perSecond);
    }

    @Test
    void onePerSecondToAPrivateChatOthersUnaffected() {
        TelegramRateLimiter limiter = new TelegramRateLimiter(limits(Duration.ofSeconds(1), 20, 30));
        assertThat(limiter.acquire("42")).isEmpty();
        assertThat(limiter.acquire("42")).hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofMillis(900), Duration.ofMillis(1100)));
        assertThat(limiter.acquire("43")).isEmpty();
    }

    @Test
    void twentyAMinuteToAGroup() {
        TelegramRateLimiter limiter = new TelegramRateLimiter(limits(Duration.ofSeconds(1), 20, 1000));
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire("-100777")).isEmpty();
        }
        assertThat(limiter.acquire("-100777")).hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(55)));
        assertThat(limiter.acquire("-100888")).isEmpty();
    }

    @Test
    void thirtyASecondOverall() {
        TelegramRateLimiter limiter = new TelegramRateLimiter(limits(Duration.ofSeconds(1), 20, 30));
        for (int chat = 0; chat < 30; chat++) {
            assertThat(limiter.acquire(String.valueOf(1000 + chat))).isEmpty();
        }
        assertThat(limiter.acquire("2000")).isPresent();
    }
}
