package com.careregistry.core.common;

/**
 * The rule for text that people outside the team control (customers' names, the subjects their
 * descriptions make, the names of the files they send, the names agents give in a join request):
 *
 * <ol>
 *   <li><b>Labels are cleaned when they come in</b> ({@link #label}): the invisible characters that
 *       reorder or hide text are taken out (bidirectional embeddings, overrides, isolates and marks;
 *       zero-width spaces, word joiners, byte-order marks, soft hyphens), so "Mallory" written with
 *       U+202E can no longer show reversed or pass for someone else, and a file named "Eve",
 *       U+202E, "gnp.exe" no longer reads "Eveexe.png". A zero-width joiner or non-joiner is
 *       kept only between two letters or symbols outside ASCII, where emoji sequences and Persian or
 *       Indic scripts need it. Line breaks and other control characters become spaces.</li>
 *   <li><b>Where a label sits inside one of our sentences in a chat</b> (staff cards, topic and
 *       thread titles, "Ann wrote:") and holds right-to-left letters, it is also isolated ({@link #isolate}, FIRST STRONG ISOLATE …
 *       POP DIRECTIONAL ISOLATE): a right-to-left name is shown right to left without reordering the
 *       words around it.</li>
 *   <li><b>In the panel</b>, every customer- or agent-controlled value is rendered in a
 *       {@code <bdi>} or an element with {@code dir="auto"} (the panel's templates).</li>
 * </ol>
 *
 * Message bodies are not labels: they are kept exactly as written (a Hebrew or Arabic message needs
 * its marks), shown on lines of their own in chat and with {@code dir="auto"} in the panel.
 */
public final class UserText {

    private static final char FIRST_STRONG_ISOLATE = '\u2068';
    private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private UserText() {
    }

    /** {@code text} cleaned as a label (see the class), stripped; null stays null. */
    public static String label(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            String replacement = replacementFor(text, c, i, next);
            if (replacement != null && out == null) {
                out = new StringBuilder(length).append(text, 0, i);
            }
            if (out != null) {
                if (replacement == null) {
                    out.appendCodePoint(c);
                } else {
                    out.append(replacement);
                }
            }
            i = next;
        }
        String cleaned = (out == null ? text : out.toString()).strip();
        return cleaned.contains("  ") ? cleaned.replaceAll(" {2,}", " ") : cleaned;
    }

    /**
     * {@code text} as a label, isolated from the text around it (for chat messages and titles) when it
     * holds right-to-left letters; a label without any cannot reorder its neighbours once cleaned, and
     * is left as it is (so that what most people see, and copy, has no invisible characters).
     */
    public static String isolate(String text) {
        String label = label(text);
        if (label == null || label.isEmpty()) {
            return "";
        }
        return rightToLeft(label) ? wrap(label) : label;
    }

    /**
     * {@code text} as it is, between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (U+2068 … U+2069):
     * whatever direction marks it holds cannot reorder the sentence around it. The same as the
     * panel's {@code <bdi>}, for places that take plain text. Null stays null.
     */
    public static String wrap(String text) {
        return text == null ? null : FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE;
    }

    private static boolean rightToLeft(String label) {
        return label.codePoints().map(Character::getDirectionality).anyMatch(d -> d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC);
    }

    /** What replaces code point {@code c} at {@code [at, next)}: null to keep it, "" to drop it, " " for a break. */
    private static String replacementFor(String text, int c, int at, int next) {
        switch (c) {
            case 0x200C, 0x200D -> {    // zero-width non-joiner and joiner
                return joins(text, at, next) ? null : "";
            }
            case 0x061C, 0x200E, 0x200F,               // Arabic letter mark, left-to-right and right-to-left marks
                 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, // embeddings, pop, overrides
                 0x2066, 0x2067, 0x2068, 0x2069,         // isolates
                 0x200B, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD, 0x180E, 0x034F, 0x115F, 0x1160,
                 0x3164, 0xFFA0 -> {                   // zero-width and invisible fillers
                return "";
            }
            default -> {
                if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                    return " ";
                }
                return null;
            }
        }
    }

    /** A joiner kept: both neighbours are outside ASCII and are not themselves invisible. */
    private static boolean joins(String text, int at, int next) {
        if (at == 0 || next >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(at);
        int after = text.codePointAt(next);
        return before > 0x7F && after > 0x7F && !Character.isWhitespace(before) && !Character.isWhitespace(after)
                && Character.getType(before) != Character.FORMAT && Character.getType(after) != Character.FORMAT;
    }
}
