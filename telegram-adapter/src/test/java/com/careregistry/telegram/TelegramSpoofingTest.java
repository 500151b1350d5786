package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.telegram.TelegramApiDouble.Call;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Names, subjects and file names that customers control, as staff see them in the forum: the
 * characters that reorder or hide text (U+202E and the other bidi controls, zero-width spaces) are
 * gone from topic titles, cards and relays, and a right-to-left name is isolated from our sentence.
 * Message bodies are the customer's words and are kept as written (UserText's rule).
 */
class TelegramSpoofingTest extends TelegramTest {

    static final long MALLORY = 611;
    static final long DANA = 612;
    static final Pattern HIDDEN = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2067\\u200B\\u200E\\u200F\\u2060\\uFEFF]");

    @Test
    void bidiOverridesAndZeroWidthCharactersNeverReachTheStaffChat() {
        // shown as typed, "Mallory <RLO>nimda" reads "Mallory admin"; the subject would end in "exe.png"
        long number = openTicket(MALLORY, "Mallory \u202Enimda", "Invoice\u200B \u202Egnp.exe\nPlease look at the attachment.");

        Call topic = API.awaitCall("createForumTopic", c -> c.param("chat_id").equals(String.valueOf(STAFF_GROUP)), WAIT);
        assertThat(topic.param("name")).isEqualTo("#" + number + " · Invoice gnp.exe");
        Call card = awaitMessage(STAFF_GROUP, "#" + number + " · Invoice gnp.exe\nCustomer: Mallory nimda");
        // the labels (subject, name) are clean; the description below them is the customer's message, kept as written
        String labels = card.param("text").substring(0, card.param("text").indexOf("\n\n"));
        assertThat(HIDDEN.matcher(labels).find()).as(labels).isFalse();

        says(MALLORY, "Mallory \u202Enimda", "Any news?");
        Call relay = awaitMessage(STAFF_GROUP, "#" + number + " · Mallory nimda:\nAny news?");
        assertThat(HIDDEN.matcher(relay.param("text")).find()).isFalse();
        assertThat(jdbc.queryForObject("SELECT display_name FROM customers WHERE id = (SELECT customer_id FROM tickets WHERE number = ?)",
                String.class, number)).isEqualTo("Mallory nimda");
    }

    @Test
    void aRightToLeftNameIsIsolatedFromTheSentenceAroundIt() {
        String dana = "\u05D3\u05E0\u05D4";
        long number = openTicket(DANA, dana, "Printer jams");
        awaitMessage(STAFF_GROUP, "#" + number + " · Printer jams\nCustomer: \u2068" + dana + "\u2069");
    }
}
