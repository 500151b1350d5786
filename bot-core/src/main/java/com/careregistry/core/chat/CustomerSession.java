package com.careregistry.core.chat;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.conversation.ConversationKey;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.TicketNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer in their private chat at this moment: who is writing, where we answer them, the step of
 * a flow they are at ({@link Steps}) and that step's data, among which the ticket they are talking
 * about ({@code current}) and a message kept until they say where it goes.
 */
record CustomerSession(Customer customer, ChatUser user, ChatAddress chat, ConversationKey key, String step,
                       Map<String, String> data) {

    /** The step names; a flow's class handles the steps that begin with its name. */
    static final class Steps {
        static final String IDLE = "idle";
        static final String NEW_CATEGORY = "new:category";
        static final String NEW_DESCRIBE = "new:describe";
        static final String CHOOSE_TICKET = "choose-ticket";
        static final String OFFER_NEW = "offer-new";
        static final String ARTICLES = "articles:offered";
        static final String EMAIL_ADDRESS = "email:address";
        static final String EMAIL_CODE = "email:code";
        static final String RATE_COMMENT = "rate:comment";

        private Steps() {
        }
    }

    /** In a step's data: a message the customer wrote is kept until they say where it goes. */
    private static final String PENDING = "pending";

    String language() {
        return customer.language();
    }

    boolean at(String someStep) {
        return step.equals(someStep);
    }

    Optional<TicketNumber> current() {
        String current = data.get("current");
        return current == null ? Optional.empty() : Optional.of(new TicketNumber(Long.parseLong(current)));
    }

    /** A number kept in the step's data; a missing or malformed one is a stale step. */
    TicketNumber number(String name) {
        try {
            return new TicketNumber(Long.parseLong(data.get(name)));
        } catch (NumberFormatException e) {
            throw new DomainException("bot.button.stale");
        }
    }

    boolean keepsAMessage() {
        return data.containsKey(PENDING) || data.containsKey("mid");
    }

    /** The message kept in the step's data ({@link #keep}). */
    ChatInput pending() {
        List<Attachment> files = new ArrayList<>();
        for (int i = 0; data.containsKey("file" + i + ".kind"); i++) {
            files.add(new Attachment(data.get("file" + i + ".kind"), data.get("file" + i + ".ref"), data.get("file" + i + ".name")));
        }
        for (int i = 0; data.containsKey("file" + i); i++) {   // kept by an earlier version: fields joined by tabs
            String[] fields = data.get("file" + i).split("\t", -1);
            files.add(new Attachment(fields[0], fields[1], fields[2].isEmpty() ? null : fields[2]));
        }
        return new ChatInput(user.channel(), data.get("text"), files, data.get("mid"), null);
    }

    /** A message kept in the state until the customer says where it goes. */
    static Map<String, String> keep(ChatInput incoming) {
        Map<String, String> data = new HashMap<>();
        data.put(PENDING, "1");   // a form's description has no message id: this marks that one is kept
        if (incoming.text() != null) {
            data.put("text", incoming.text());
        }
        if (incoming.externalMessageId() != null) {
            data.put("mid", incoming.externalMessageId());
        }
        for (int i = 0; i < incoming.attachments().size(); i++) {   // each field its own entry: any character may be in a name
            Attachment a = incoming.attachments().get(i);
            data.put("file" + i + ".kind", a.kind());
            data.put("file" + i + ".ref", a.fileRef());
            if (a.fileName() != null) {
                data.put("file" + i + ".name", a.fileName());
            }
        }
        return data;
    }
}
