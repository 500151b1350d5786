package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.telegram.TelegramApiDouble.Call;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The relay's two calls made without telegrambots' client ({@link TelegramCalls}) say what the client would:
 * the message's id, and a refusal as the client's own exception, with its code, description and the wait
 * Telegram asked for; an answer that is no Bot API answer, or no answer, is Telegram out of reach.
 */
class TelegramCallsTest {

    private static final long GROUP = -1001234567890L;

    private TelegramApiDouble api;
    private OkHttpClient http;
    private TelegramCalls calls;

    @BeforeEach
    void start() {
        api = new TelegramApiDouble();
        http = new OkHttpClient();
        calls = new TelegramCalls(http, "http://127.0.0.1:" + api.port(), "123:TEST");
    }

    @AfterEach
    void stop() {
        api.close();
        http.connectionPool().evictAll();
    }

    @Test
    void aTextGoesIntoItsTopicAsHtmlAndItsIdComesBack() throws Exception {
        int first = calls.sendHtml(String.valueOf(GROUP), 100, "<b>Ann</b> &lt;3");
        int second = calls.sendHtml("42", null, "hello");

        Call sent = api.calls("sendMessage").get(0);
        assertThat(sent.param("chat_id")).isEqualTo(String.valueOf(GROUP));
        assertThat(sent.param("message_thread_id")).isEqualTo("100");
        assertThat(sent.param("text")).isEqualTo("<b>Ann</b> &lt;3");
        assertThat(sent.param("parse_mode")).isEqualTo("HTML");
        assertThat(api.calls("sendMessage").get(1).params().has("message_thread_id")).isFalse();
        assertThat(first).isEqualTo(sent.result().path("message_id").asInt()).isPositive();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aReactionIsSetWithItsEmoji() throws Exception {
        int id = calls.sendHtml("42", null, "hello");

        calls.react("42", id, "👌");

        Call reaction = api.calls("setMessageReaction").get(0);
        assertThat(reaction.param("message_id")).isEqualTo(String.valueOf(id));
        assertThat(reaction.jsonParam("reaction").get(0).path("emoji").asText()).isEqualTo("👌");
        assertThat(reaction.failed()).isFalse();
    }

    @Test
    void aRefusalIsTheClientsOwnExceptionWithTheWaitAskedFor() {
        api.rateLimitNext("sendMessage", 7);
        api.failNext("setMessageReaction", 1, 400, "Bad Request: message to react not found", null);

        assertThatThrownBy(() -> calls.sendHtml("42", null, "hello"))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
                    assertThat(e.getApiResponse()).contains("Too Many Requests: retry after 7");
                });
        assertThatThrownBy(() -> calls.react("42", 5, "👌"))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).isEqualTo("Bad Request: message to react not found");
                });
    }

    @Test
    void noBotApiAnswerIsTelegramOutOfReach() {
        TelegramCalls nowhere = new TelegramCalls(http, "http://127.0.0.1:" + api.port() + "/no-such-api", "123:TEST");
        api.close();

        assertThatThrownBy(() -> calls.sendHtml("42", null, "hello"))
                .isInstanceOf(TelegramApiException.class).isNotInstanceOf(TelegramApiRequestException.class);
        assertThatThrownBy(() -> nowhere.react("42", 5, "👌"))
                .isInstanceOf(TelegramApiException.class).isNotInstanceOf(TelegramApiRequestException.class);
    }
}
