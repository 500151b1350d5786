package com.careregistry.telegram;

import com.careregistry.core.common.Channel;
import com.careregistry.core.inbox.InboundEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Telegram updates as the inbox stores them: the update's JSON as Telegram sent it, its update id,
 * and the chat it belongs to (the forum topic, in a group with topics), whose updates are handled
 * in order. Read back with Jackson 2, which telegrambots' types are made for.
 */
final class TelegramUpdates {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The parts of an update that carry a message, in the order Telegram's docs list them. */
    private static final List<String> MESSAGE_FIELDS = List.of("message", "edited_message", "channel_post",
            "edited_channel_post", "business_message", "edited_business_message");

    private TelegramUpdates() {
    }

    /** The updates of a {@code getUpdates} result (or one webhook update), ready to append. */
    static List<InboundEvent> events(JsonNode updates) {
        List<InboundEvent> events = new ArrayList<>(updates.size());
        for (JsonNode update : updates) {
            if (update.path("update_id").canConvertToLong()) {
                events.add(event(update));
            }
        }
        return events;
    }

    static InboundEvent event(JsonNode update) {
        JsonNode id = update.path("update_id");
        if (!id.canConvertToLong()) {
            throw new IllegalArgumentException("an update without an update_id");
        }
        return new InboundEvent(Channel.TELEGRAM, id.asText(), orderingKey(update), update.toString());
    }

    /**
     * The chat an update belongs to: {@code TELEGRAM:<chat id>}, or {@code TELEGRAM:<chat id>:<topic>}
     * for a forum topic of a group (a private chat's topics are one customer, whose messages are
     * handled in order whichever topic they wrote in); for an update about no chat, the user it comes
     * from.
     */
    static String orderingKey(JsonNode update) {
        JsonNode message = message(update);
        if (message.path("chat").hasNonNull("id")) {
            String chat = message.path("chat").path("id").asText();
            boolean topic = message.path("is_topic_message").asBoolean(false) && message.hasNonNull("message_thread_id")
                    && !"private".equals(message.path("chat").path("type").asText());
            return Channel.TELEGRAM + ":" + chat + (topic ? ":" + message.path("message_thread_id").asText() : "");
        }
        for (JsonNode part : update) {
            if (part.path("from").hasNonNull("id")) {
                return Channel.TELEGRAM + ":" + part.path("from").path("id").asText();
            }
        }
        return Channel.TELEGRAM + ":updates";
    }

    /** The message an update carries, or is about (a pressed button's message); a missing node when none. */
    static JsonNode message(JsonNode update) {
        for (String field : MESSAGE_FIELDS) {
            if (update.hasNonNull(field)) {
                return update.get(field);
            }
        }
        return update.path("callback_query").path("message");
    }

    /** Who an update comes from: the button's presser, else the message's sender; a missing node when none. */
    static JsonNode sender(JsonNode update) {
        JsonNode callback = update.path("callback_query");
        return callback.hasNonNull("from") ? callback.path("from") : message(update).path("from");
    }

    static Update read(String payload) {
        try {
            return JSON.readValue(payload, Update.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a Telegram update: " + e.getMessage(), e);
        }
    }

    static JsonNode tree(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
