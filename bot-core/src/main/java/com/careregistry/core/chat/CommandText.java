package com.careregistry.core.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * The one reading of a typed command, {@code /name argument} ({@code /name@our_bot argument} in a
 * group): the name lower-cased without the bot's, and the rest of the text. {@link CustomerCommand}
 * gives a customer's names their meaning; staff chat reads its own ({@code /canned}).
 */
public record CommandText(String name, String argument) {

    /** The command a text is, when it starts with {@code /}. */
    public static Optional<CommandText> parse(String text) {
        if (text == null || !text.startsWith("/")) {
            return Optional.empty();
        }
        String[] words = text.strip().split("\\s+", 2);
        String name = words[0].substring(1).toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        return Optional.of(new CommandText(name, words.length > 1 ? words[1].strip() : ""));
    }
}
