package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.core.inbox.Inbox;
import com.careregistry.testsupport.FailingInboxHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Bad events stop nobody: crafted button data and a message without text are refused politely; an
 * update telegrambots cannot read, and a chat whose handling keeps failing, are tried a few times,
 * then set aside (the writer is told, in their language) while every other customer is answered
 * within a second; an admin's Retry handles the set-aside event once its cause is gone.
 */
@Import(TelegramPoisonTest.Failures.class)
class TelegramPoisonTest extends TelegramTest {

    static final long ANN = 701;
    static final long MALLORY = 666;
    static final long BOB = 880;
    static final Duration A_SECOND = Duration.ofSeconds(1);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Makes the Telegram handler fail for the chats a test names ("the database refuses this customer"). */
    /** Makes the adapter's handler fail for the chats a test names. */
    @TestConfiguration
    static class Failures {
        @Bean
        static BeanPostProcessor failForSomeChats() {
            return FailingInboxHandler.wrapping(TelegramBot.class);
        }
    }

    @Autowired
    Inbox inbox;

    @AfterEach
    void heal() {
        FailingInboxHandler.FAILING_CHATS.clear();
    }

    /** Ann asks for a new ticket and is answered within a second, whatever happens in other chats. */
    private void annIsAnsweredWithinASecond() {
        long asked = System.nanoTime();
        says(ANN, "Ann", "/new");
        awaitMessage(ANN, en("bot.new.describe"));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(A_SECOND);
        says(ANN, "Ann", "/cancel");
        awaitMessage(ANN, en("bot.cancelled"));
    }

    private String sticker(long userId, String name) throws Exception {
        ObjectNode update = (ObjectNode) JSON.readTree(API.privateText(userId, name, "en", "x"));
        ObjectNode message = (ObjectNode) update.get("message");
        message.remove("text");
        message.putObject("sticker").put("file_id", "CAACAgIAAxk").put("file_unique_id", "AgAD").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        return update.toString();
    }

    private long count(String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_events WHERE status = ?", Long.class, status);
    }

    @Test
    void craftedButtonsAndAMessageWithoutTextAreRefusedPolitelyAndStopNobody() throws Exception {
        for (String crafted : new String[] {"rate:1001:x", "show", "rate:1001", "lang:zz", ":", "cat:abc", "claim:x", "rate:1001:9"}) {
            deliver(API.callback(MALLORY, "Mallory", MALLORY, 3, crafted));
            annIsAnsweredWithinASecond();
        }
        deliver(sticker(MALLORY, "Mallory"));
        annIsAnsweredWithinASecond();

        await().atMost(WAIT).until(() -> messagesTo(MALLORY).size() >= 9);
        assertThat(messagesTo(MALLORY)).extracting(c -> c.param("text")).hasSize(9).containsOnly(escape(en("bot.button.stale")),
                escape(en("message.empty"))).filteredOn(text -> text.equals(escape(en("bot.button.stale")))).hasSize(8);
        assertThat(count("FAILED")).as("a refusal is an answer, not a failure").isZero();
        assertThat(count("PENDING")).isZero();
    }

    @Test
    void aChatWhoseHandlingKeepsFailingIsSetAsideWhileOthersAreAnsweredAndRetryHandlesItLater() {
        FailingInboxHandler.FAILING_CHATS.add("TELEGRAM:" + BOB);
        deliver(API.privateText(BOB, "Bob", "es", "/tickets"));
        deliver(API.privateText(BOB, "Bob", "es", "/help"));
        for (int i = 0; i < 3; i++) {
            annIsAnsweredWithinASecond();   // while Bob's first message is tried again and again
        }

        assertThat(texts.get("es", "inbox.failed")).isEqualTo("No pudimos procesar ese mensaje; nuestro equipo ya está avisado.");
        // both of Bob's messages, one after the other, in order: each tried three times, then set aside
        await().atMost(WAIT).until(() -> inbox.failed(10).size() == 2 && messagesTo(BOB).size() == 2);
        assertThat(messagesTo(BOB)).extracting(c -> c.param("text")).containsExactly(escape(texts.get("es", "inbox.failed")),
                escape(texts.get("es", "inbox.failed")));
        assertThat(inbox.failed(10)).hasSize(2).allSatisfy(failed -> {
            assertThat(failed.orderingKey()).isEqualTo("TELEGRAM:" + BOB);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).contains("the database refused chat TELEGRAM:" + BOB);
        });

        // the cause is gone; an admin presses Retry on /tickets: it is handled as it would have been
        FailingInboxHandler.FAILING_CHATS.clear();
        long tickets = inbox.failed(10).stream().filter(f -> f.payloadStart().contains("/tickets")).findFirst().orElseThrow().id();
        inbox.retry(tickets);
        awaitMessage(BOB, text -> text.equals(escape(texts.get("es", "tickets.none"))));
        assertThat(inbox.failed(10)).hasSize(1);
    }

    @Test
    void anUpdateThatCannotBeReadIsSetAsideAndItsWriterToldInTheirLanguage() throws Exception {
        ObjectNode update = (ObjectNode) JSON.readTree(API.privateText(BOB, "Bob", "de", "Hallo"));
        ((ObjectNode) update.get("message")).put("date", "yesterday");   // not what Telegram sends: telegrambots cannot read it
        deliver(update.toString());
        annIsAnsweredWithinASecond();

        awaitMessage(BOB, text -> text.equals(escape(texts.get("de", "inbox.failed"))));
        assertThat(inbox.failed(10)).singleElement().satisfies(failed -> assertThat(failed.lastError()).contains("yesterday"));
    }
}
