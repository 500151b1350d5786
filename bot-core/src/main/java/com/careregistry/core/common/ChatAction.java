package com.careregistry.core.common;

import java.util.Locale;
import java.util.Optional;

/**
 * What a button of ours does when it is pressed, as one typed value. Whoever makes a button takes
 * its id from here ({@link #id()}), and every parser (the customer's conversation, staff's, the
 * Discord adapter) reads it back with {@link #parse}: a malformed, stale or foreign id is a refusal
 * ("This button no longer works"), never an exception of another kind. Ids stay far below
 * Telegram's 64 bytes of callback data and Discord's 100 characters of custom id.
 */
public sealed interface ChatAction {

    /** The id the button is made with. */
    String id();

    // ------------------------------------------------------------------ customers

    /** The greeting's menu. */
    enum MenuItem { NEW, TICKETS, HELP }

    record Menu(MenuItem item) implements ChatAction {
        public String id() {
            return "menu:" + item.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The category of a ticket being opened. */
    record ChooseCategory(long categoryId) implements ChatAction {
        public String id() {
            return "cat:" + categoryId;
        }
    }

    record ShowTicket(long ticket) implements ChatAction {
        public String id() {
            return "show:" + ticket;
        }
    }

    /** What the customer writes next goes to this ticket. */
    record ReplyTo(long ticket) implements ChatAction {
        public String id() {
            return "reply:" + ticket;
        }
    }

    /** Asks to close a ticket (a confirmation follows). */
    record AskToClose(long ticket) implements ChatAction {
        public String id() {
            return "close:" + ticket;
        }
    }

    /** The answer to "close this ticket?". */
    record ConfirmClose(long ticket, boolean close) implements ChatAction {
        public String id() {
            return (close ? "close-yes:" : "close-no:") + ticket;
        }
    }

    /** One to five stars for a closed ticket. */
    record Rate(long ticket, int stars) implements ChatAction {
        public Rate {
            if (stars < 1 || stars > 5) {
                throw new IllegalArgumentException("stars are 1 to 5: " + stars);
            }
        }

        public String id() {
            return "rate:" + ticket + ":" + stars;
        }
    }

    /** The ticket a kept message goes to ("which ticket?"). */
    record PickTicket(long ticket) implements ChatAction {
        public String id() {
            return "pick:" + ticket;
        }
    }

    /** The answer to "open a ticket with this message?". */
    record OfferNewTicket(boolean open) implements ChatAction {
        public String id() {
            return open ? "offer:yes" : "offer:no";
        }
    }

    /** The answer to articles offered before a ticket ({@code offer}: the offer's id): solved, or open the ticket. */
    record AnswerArticles(long offer, boolean solved) implements ChatAction {
        public String id() {
            return (solved ? "art-yes:" : "art-no:") + offer;
        }
    }

    record ChooseLanguage(String language) implements ChatAction {
        public ChooseLanguage {
            if (language == null || !language.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException("not a language code: " + language);
            }
        }

        public String id() {
            return "lang:" + language;
        }
    }

    // ------------------------------------------------------------------ staff

    /** Actions on a ticket's card in staff chat. */
    sealed interface StaffAction extends ChatAction {
        long ticket();
    }

    record Claim(long ticket) implements StaffAction {
        public String id() {
            return "claim:" + ticket;
        }
    }

    record Resolve(long ticket) implements StaffAction {
        public String id() {
            return "resolve:" + ticket;
        }
    }

    // ------------------------------------------------------------------ reading

    /** The action a button id names; a malformed, stale or foreign one is refused politely. */
    static ChatAction parse(String id) {
        return read(id).orElseThrow(() -> new DomainException("bot.button.stale"));
    }

    /** The action a button id names, if it names one. */
    static Optional<ChatAction> read(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        String[] parts = id.split(":", -1);
        try {
            return Optional.ofNullable(switch (parts[0]) {
                case "menu" -> parts.length == 2 ? menu(parts[1]) : null;
                case "cat" -> parts.length == 2 ? new ChooseCategory(positive(parts[1])) : null;
                case "show" -> parts.length == 2 ? new ShowTicket(positive(parts[1])) : null;
                case "reply" -> parts.length == 2 ? new ReplyTo(positive(parts[1])) : null;
                case "close" -> parts.length == 2 ? new AskToClose(positive(parts[1])) : null;
                case "close-yes" -> parts.length == 2 ? new ConfirmClose(positive(parts[1]), true) : null;
                case "close-no" -> parts.length == 2 ? new ConfirmClose(positive(parts[1]), false) : null;
                case "rate" -> parts.length == 3 ? new Rate(positive(parts[1]), (int) positive(parts[2])) : null;
                case "pick" -> parts.length == 2 ? new PickTicket(positive(parts[1])) : null;
                case "offer" -> parts.length == 2 && (parts[1].equals("yes") || parts[1].equals("no"))
                        ? new OfferNewTicket(parts[1].equals("yes")) : null;
                case "art-yes" -> parts.length == 2 ? new AnswerArticles(positive(parts[1]), true) : null;
                case "art-no" -> parts.length == 2 ? new AnswerArticles(positive(parts[1]), false) : null;
                case "lang" -> parts.length == 2 ? new ChooseLanguage(parts[1]) : null;
                case "claim" -> parts.length == 2 ? new Claim(positive(parts[1])) : null;
                case "resolve" -> parts.length == 2 ? new Resolve(positive(parts[1])) : null;
                default -> null;
            });
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Menu menu(String item) {
        for (MenuItem known : MenuItem.values()) {
            if (known.name().toLowerCase(Locale.ROOT).equals(item)) {
                return new Menu(known);
            }
        }
        return null;
    }

    /** A positive number of at most 18 digits; anything else is malformed. */
    private static long positive(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a number: " + digits);
        }
        long value = Long.parseLong(digits);
        if (value <= 0) {
            throw new IllegalArgumentException("not positive: " + digits);
        }
        return value;
    }
}
