package com.careregistry.discord;

import com.careregistry.core.text.TextParts;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * How texts travel to Discord: markdown escaped, so what a customer typed arrives as typed, in
 * messages of at most 2000 characters (after escaping).
 */
final class DiscordText {

    static final int MAX_MESSAGE = 2000;

    private DiscordText() {
    }

    static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (String raw : TextParts.split(text, MAX_MESSAGE)) {
            addEscaped(raw, MAX_MESSAGE, parts);
        }
        return parts;
    }

    /** Escaping can make a part longer than the limit: such a part is split further first. */
    private static void addEscaped(String raw, int limit, List<String> parts) {
        String escaped = MarkdownSanitizer.escape(raw);
        if (escaped.length() <= MAX_MESSAGE || limit < 2) {
            parts.add(escaped);
            return;
        }
        for (String smaller : TextParts.split(raw, limit / 2)) {
            addEscaped(smaller, limit / 2, parts);
        }
    }
}
