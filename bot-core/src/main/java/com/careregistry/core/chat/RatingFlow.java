package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.CustomerSession.Steps.RATE_COMMENT;

import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.RateTicket;
import com.careregistry.core.ticket.TicketNumber;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * C11: the stars of a closed or resolved ticket, then an optional comment (/skip leaves it out). A
 * platform that asks the comment in a form of its own (a Discord modal) rates and comments here too.
 */
@Component
class RatingFlow {

    private final CustomerSessions sessions;
    private final RateTicket rateTicket;
    private final Replies replies;

    RatingFlow(CustomerSessions sessions, RateTicket rateTicket, Outbox outbox, Texts texts) {
        this.sessions = sessions;
        this.rateTicket = rateTicket;
        this.replies = new Replies(outbox, texts);
    }

    /** A star button in the chat: the comment is asked next. */
    void stars(CustomerSession s, TicketNumber number, int stars) {
        rateTicket.rate(s.customer().id(), number, stars, null);
        sessions.moveTo(s, RATE_COMMENT, Map.of("ticket", String.valueOf(number.value())));
        replies.send(s.chat(), s.language(), "bot.rate.comment");
    }

    /** Stars given where the platform asks the comment itself: the chat does not ask it as well. */
    void starsFromForm(CustomerSession s, TicketNumber number, int stars) {
        rateTicket.rate(s.customer().id(), number, stars, null);
        if (s.at(RATE_COMMENT)) {
            sessions.moveTo(s, IDLE, Map.of());
        }
    }

    /** The comment, typed at the step that asked for it. */
    void comment(CustomerSession s, String text) {
        rateTicket.comment(s.customer().id(), s.number("ticket"), text);
        sessions.moveTo(s, IDLE, Map.of());
    }

    /** The comment of a platform's form; an empty one adds nothing (the comment is optional). */
    void commentFromForm(CustomerSession s, TicketNumber number, String comment) {
        if (comment != null && !comment.isBlank()) {
            rateTicket.comment(s.customer().id(), number, comment);
        }
    }

    /** /skip: no comment. */
    void skip(CustomerSession s) {
        if (s.at(RATE_COMMENT)) {
            sessions.moveTo(s, IDLE, Map.of());
            replies.send(s.chat(), s.language(), "bot.done");
        } else {
            replies.send(s.chat(), s.language(), "bot.nothing-to-cancel");
        }
    }
}
