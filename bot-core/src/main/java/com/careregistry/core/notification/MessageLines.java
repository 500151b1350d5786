package com.careregistry.core.notification;

import com.careregistry.core.common.UserText;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.TicketMessage;
import java.util.stream.Collectors;

/** How a ticket message reads in a notice: its text, then a line per attachment, in the reader's language. */
final class MessageLines {

    private MessageLines() {
    }

    static String of(Texts texts, String language, TicketMessage message) {
        if (message.attachments().isEmpty()) {
            return message.body();
        }
        String files = message.attachments().stream()
                .map(a -> texts.get(language, "attachment." + a.kind().toLowerCase(), UserText.isolate(a.fileName())))
                .collect(Collectors.joining("\n"));
        return message.body().isEmpty() ? files : message.body() + "\n" + files;
    }
}
