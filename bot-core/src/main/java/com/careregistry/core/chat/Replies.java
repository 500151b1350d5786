package com.careregistry.core.chat;

import com.careregistry.core.common.ChatAction;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import java.util.List;

/** Answers in a chat, rendered in the reader's language and written to the outbox. */
public record Replies(Outbox outbox, Texts texts) {

    public void send(ChatAddress to, String language, String key, Object... args) {
        outbox.toChat(to, texts.get(language, key, args));
    }

    public void send(ChatAddress to, String text, List<MessageAction> actions) {
        outbox.toChat(to, text, actions);
    }

    public MessageAction action(ChatAction action, String language, String labelKey, Object... args) {
        return MessageAction.of(action, texts.get(language, labelKey, args));
    }

    public String text(String language, String key, Object... args) {
        return texts.get(language, key, args);
    }
}
