package com.careregistry.telegram;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.ticket.Attachment;
import com.careregistry.core.ticket.MessageContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * What a Telegram message says, in the core's terms: its text (or caption), its files, the
 * command it is (if it is one), and its id ({@code chat:message}) for edits and replies.
 */
record Incoming(String text, List<Attachment> attachments, String externalMessageId, String command, String argument) {

    static Incoming of(Message message) {
        String text = message.hasText() ? message.getText() : message.getCaption();
        List<Attachment> files = new ArrayList<>();
        if (message.hasPhoto()) {
            message.getPhoto().stream().max(Comparator.comparing((PhotoSize p) -> p.getWidth() == null ? 0 : p.getWidth()))
                    .ifPresent(photo -> files.add(new Attachment(Attachment.PHOTO, photo.getFileId(), null)));
        }
        if (message.hasDocument()) {
            files.add(new Attachment(Attachment.DOCUMENT, message.getDocument().getFileId(), message.getDocument().getFileName()));
        }
        if (message.hasVoice()) {
            files.add(new Attachment(Attachment.VOICE, message.getVoice().getFileId(), null));
        }
        if (message.hasVideo()) {
            files.add(new Attachment(Attachment.VIDEO, message.getVideo().getFileId(), message.getVideo().getFileName()));
        }
        String command = null;
        String argument = null;
        if (message.hasText() && text.startsWith("/")) {
            String[] words = text.strip().split("\\s+", 2);
            command = words[0].substring(1).toLowerCase(Locale.ROOT);
            int at = command.indexOf('@');
            if (at >= 0) {
                command = command.substring(0, at);
            }
            argument = words.length > 1 ? words[1].strip() : "";
        }
        return new Incoming(text, List.copyOf(files), message.getChatId() + ":" + message.getMessageId(), command, argument);
    }

    boolean isCommand() {
        return command != null;
    }

    boolean isEmpty() {
        return (text == null || text.isBlank()) && attachments.isEmpty();
    }

    MessageContent content() {
        return new MessageContent(text, attachments, Channel.TELEGRAM, externalMessageId);
    }

    static ChatUser chatUser(User from, Long chatId) {
        String name = from.getFirstName() + (from.getLastName() == null ? "" : " " + from.getLastName());
        return new ChatUser(Channel.TELEGRAM, String.valueOf(from.getId()), String.valueOf(chatId), name, from.getLanguageCode());
    }
}
