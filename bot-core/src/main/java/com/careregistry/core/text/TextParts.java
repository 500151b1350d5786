package com.careregistry.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into parts a platform takes (Telegram 4096 characters, Discord 2000), at line
 * breaks where it can, then at spaces, never inside a surrogate pair; nothing is lost but the
 * white space at the cuts.
 */
public final class TextParts {

    private TextParts() {
    }

    public static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text == null ? "" : text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut <= 0) {
                cut = limit;
                if (cut > 1 && Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            }
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).replaceFirst("^[\\n ]+", "");
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
