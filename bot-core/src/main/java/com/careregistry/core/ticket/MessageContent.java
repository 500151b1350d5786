package com.careregistry.core.ticket;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import java.util.List;
import java.util.Objects;

/**
 * What a person wrote: text and/or attachments, where it came from, and the platform's id of it.
 * Empty content (no text, no file) cannot exist.
 */
public record MessageContent(String text, List<Attachment> attachments, Channel channel, String externalMessageId) {

    public static final int MAX_TEXT_LENGTH = 4000;

    public MessageContent {
        Objects.requireNonNull(channel, "channel");
        text = text == null || text.isBlank() ? null : text.strip();
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (text == null && attachments.isEmpty()) {
            throw new DomainException("message.empty");
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new DomainException("message.too-long", MAX_TEXT_LENGTH);
        }
    }

    public static MessageContent text(String text, Channel channel, String externalMessageId) {
        return new MessageContent(text, List.of(), channel, externalMessageId);
    }

    /** The new text of an edited message, as a message's text is kept (stripped); refused as a new message's would be. */
    static String editedText(String newText) {
        return text(newText, Channel.WEB, null).text();
    }
}
