package com.careregistry.telegram;

import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import java.util.List;

/** Answers in a chat, rendered in the reader's language and written to the outbox. */
record Replies(Outbox outbox, Texts texts) {

    void send(ChatAddress to, String language, String key, Object... args) {
        outbox.toChat(to, texts.get(language, key, args));
    }

    void send(ChatAddress to, String text, List<MessageAction> actions) {
        outbox.toChat(to, text, actions);
    }

    MessageAction action(String id, String language, String labelKey, Object... args) {
        return new MessageAction(id, texts.get(language, labelKey, args));
    }

    String text(String language, String key, Object... args) {
        return texts.get(language, key, args);
    }
}
