package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.telegram.TelegramApiDouble.Call;
import com.careregistry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What reaches Telegram, and how: limits, long texts, escaping, and exactly-once intake. */
class TelegramDeliveryTest extends TelegramTest {

    static final long ANN = 701;

    @Test
    void aRateLimitWithRetryAfterIsHonouredAndTheMessagesArriveOnceAndInOrder() throws InterruptedException {
        API.rateLimitNext("sendMessage", 1);
        says(ANN, "Ann", "/help");
        says(ANN, "Ann", "/tickets");

        awaitMessage(ANN, text -> text.equals("You are yet to raise a ticket"));
        List<Call> toAnn = API.calls("sendMessage").stream().filter(c -> c.param("chat_id").equals(String.valueOf(ANN))).toList();
        assertThat(toAnn).hasSize(3);
        assertThat(toAnn.get(0).failed()).as("the first try met the 429").isTrue();
        assertThat(toAnn.get(1).succeeded()).isTrue();
        assertThat(toAnn.get(1).param("text")).startsWith("This is what I can do:");
        assertThat(toAnn.get(2).param("text")).isEqualTo("You are yet to raise a ticket");
        // the row is marked sent just after Telegram answered: give the dispatcher that moment
        await().atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE status = 'SENT'", Integer.class) >= 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE status = 'SENT'", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages", Integer.class)).isEqualTo(2);
    }

    @Test
    void aReplyOverTelegramsLimitArrivesInTwoMessagesSplitAtALineBreak() {
        StringBuilder description = new StringBuilder();
        for (int line = 0; description.length() < 3900; line++) {
            description.append("Line ").append(line).append(" of a long story about my broken phone.\n");
        }
        long number = openTicket(ANN, "Ann", description.toString().strip());
        TestDatabase.update(jdbc, "INSERT INTO ticket_messages (ticket_id, author_type, body, channel, created_at) "
                + "SELECT id, 'CUSTOMER', ?, 'TELEGRAM', CURRENT_TIMESTAMP(6) FROM tickets WHERE number = ?", "x".repeat(600), number);

        says(ANN, "Ann", "/ticket " + number);
        Call first = awaitMessage(ANN, text -> text.startsWith("Ticket #" + number + " · "));
        Call second = awaitMessage(ANN, text -> text.contains("Latest messages:"));
        assertThat(first.param("text").length() + second.param("text").length()).isGreaterThan(4500);
        assertThat(first.param("text").length()).isLessThanOrEqualTo(4096);
        assertThat(first.param("text")).endsWith("broken phone.");
        assertThat(first.param("reply_markup")).as("buttons go with the last part").isNull();
        assertThat(second.param("reply_markup")).contains("reply:" + number);
    }

    @Test
    void htmlInCustomerTextArrivesAsTheCharactersTyped() {
        String typed = "<b>urgent</b> <script>alert('x')</script> & more";
        long number = openTicket(ANN, "Ann", typed);
        Call card = awaitMessage(STAFF_GROUP, "#" + number + " · ");
        assertThat(card.param("parse_mode")).isEqualToIgnoringCase("HTML");
        assertThat(card.param("text")).contains("&lt;b&gt;urgent&lt;/b&gt; &lt;script&gt;alert('x')&lt;/script&gt; &amp; more")
                .doesNotContain("<b>").doesNotContain("<script>");
    }

    @Test
    void theSameUpdateDeliveredTwiceHasOneEffect() throws Exception {
        says(ANN, "Ann", "/new");
        awaitMessage(ANN, en("bot.new.describe"));
        String description = API.privateText(ANN, "Ann", "en", "Phone is dead");

        deliver(description);
        createdTicket(ANN);
        deliver(description);   // Telegram sends it again (the offset was not confirmed before a crash)
        API.awaitUpdatesConfirmed(WAIT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tickets", Integer.class)).isEqualTo(1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(messagesTo(ANN)).filteredOn(c -> c.param("text").contains("created")).hasSize(1));
    }
}
