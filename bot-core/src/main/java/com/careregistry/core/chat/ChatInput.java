package com.careregistry.core.chat;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.ticket.MessageContent;
import java.util.List;

/**
 * What a person wrote in a chat, in the core's terms: its text, its files, the command it is
 * (a text starting with {@code /}), and the platform's id of it (for edits and replies).
 */
public record ChatInput(Channel channel, String text, List<Attachment> attachments, String externalMessageId,
                        CustomerCommand command) {

    public ChatInput {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Reads a typed text as a command when it starts with {@code /} ({@code /ticket@bot 1042} too). */
    public static ChatInput of(Channel channel, String text, List<Attachment> attachments, String externalMessageId) {
        CustomerCommand command = attachments == null || attachments.isEmpty() ? CustomerCommand.parse(text).orElse(null) : null;
        return new ChatInput(channel, text, attachments, externalMessageId, command);
    }

    public boolean isCommand() {
        return command != null;
    }

    public boolean isEmpty() {
        return (text == null || text.isBlank()) && attachments.isEmpty();
    }

    public MessageContent content() {
        return new MessageContent(text, attachments, channel, externalMessageId);
    }
}
