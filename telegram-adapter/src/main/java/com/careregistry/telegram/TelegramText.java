package com.careregistry.telegram;

/** How texts travel to Telegram. */
final class TelegramText {

    private TelegramText() {
    }

    /** The text as Telegram's HTML parse mode shows it literally: what the person typed, no markup. */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
