package com.careregistry.telegram;

import com.careregistry.core.chat.ChatInput;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/** A Telegram message as the core reads it; its id is {@code chat:message}. */
final class Incoming {

    private Incoming() {
    }

    static ChatInput of(Message message) {
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
        return ChatInput.of(Channel.TELEGRAM, text, files, message.getChatId() + ":" + message.getMessageId());
    }

    static ChatUser chatUser(User from, Long chatId) {
        String name = from.getFirstName() + (from.getLastName() == null ? "" : " " + from.getLastName());
        return new ChatUser(Channel.TELEGRAM, String.valueOf(from.getId()), String.valueOf(chatId), name, from.getLanguageCode());
    }
}
