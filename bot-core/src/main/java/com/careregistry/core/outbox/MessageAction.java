package com.careregistry.core.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * A choice offered with a message, shown as a button by the chat adapters: {@code id} is what
 * comes back when it is pressed (e.g. {@code claim:1042}), {@code label} is already in the
 * recipient's language.
 */
public record MessageAction(String id, String label) {

    public MessageAction {
        if (id == null || id.isBlank() || id.contains("\t") || id.contains("\n")) {
            throw new IllegalArgumentException("bad action id: " + id);
        }
        label = label == null ? id : label.replace('\t', ' ').replace('\n', ' ');
    }

    /** A button that does {@code action}, labelled in the recipient's language. */
    public static MessageAction of(com.careregistry.core.common.ChatAction action, String label) {
        return new MessageAction(action.id(), label);
    }

    static String encode(List<MessageAction> actions) {
        if (actions == null || actions.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (MessageAction action : actions) {
            out.append(action.id()).append('\t').append(action.label()).append('\n');
        }
        return out.toString();
    }

    static List<MessageAction> decode(String encoded) {
        List<MessageAction> actions = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return actions;
        }
        for (String line : encoded.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                actions.add(new MessageAction(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return actions;
    }
}
