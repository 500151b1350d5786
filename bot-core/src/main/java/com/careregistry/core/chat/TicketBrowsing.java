package com.careregistry.core.chat;

import com.careregistry.core.common.ChatAction.AskToClose;
import com.careregistry.core.common.ChatAction.ConfirmClose;
import com.careregistry.core.common.ChatAction.ReplyTo;
import com.careregistry.core.common.ChatAction.ShowTicket;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.notification.Transcripts;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.text.Times;
import com.careregistry.core.ticket.CloseTicket;
import com.careregistry.core.ticket.MessageView;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import com.careregistry.core.ticket.TicketStatus;
import com.careregistry.core.ticket.TicketSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * C5–C8: the customer's own tickets. /tickets lists them, /ticket N (or a list's button) shows one
 * with its last messages and makes it the one they are talking about; /close asks which and
 * confirms before it closes.
 */
@Component
class TicketBrowsing {

    private final Transcripts transcripts;
    private final CustomerSessions sessions;
    private final TicketQueries queries;
    private final CloseTicket closeTicket;
    private final Replies replies;

    TicketBrowsing(CustomerSessions sessions, TicketQueries queries, CloseTicket closeTicket, Transcripts transcripts, Outbox outbox,
                   Texts texts) {
        this.transcripts = transcripts;
        this.sessions = sessions;
        this.queries = queries;
        this.closeTicket = closeTicket;
        this.replies = new Replies(outbox, texts);
    }

    void list(CustomerSession s) {
        List<TicketSummary> mine = queries.myTickets(s.customer().id());
        if (mine.isEmpty()) {
            replies.send(s.chat(), s.language(), "tickets.none");
            return;
        }
        StringBuilder text = new StringBuilder(replies.text(s.language(), "tickets.title"));
        List<MessageAction> buttons = new ArrayList<>();
        for (TicketSummary ticket : mine) {
            text.append('\n').append(replies.text(s.language(), "tickets.line", ticket.number().toString(), ticket.subject(),
                    replies.text(s.language(), ticket.status().textKey()), agentName(s.language(), ticket.agent())));
            buttons.add(MessageAction.of(new ShowTicket(ticket.numberValue()), ticket.number() + " · " + ticket.subject()));
        }
        replies.send(s.chat(), text.toString(), buttons);
    }

    void show(CustomerSession s, TicketNumber number) {
        TicketDetails details = queries.detailsForCustomer(s.customer().id(), number);
        String language = s.language();
        StringBuilder text = new StringBuilder(replies.text(language, "ticket.details", details.number().toString(),
                details.subject(), replies.text(language, details.status().textKey()), details.categoryName(),
                agentName(language, details.agent()), replies.text(language, "bot.ticket.opened-at", Times.minute(details.openedAt())),
                details.description()));
        if (!details.lastMessages().isEmpty()) {
            text.append("\n\n").append(replies.text(language, "ticket.details.last-messages"));
            for (MessageView message : details.lastMessages()) {
                String author = message.author(replies.text(language, "ticket.details.author.customer"),
                        replies.text(language, "ticket.details.author.system"));
                text.append('\n').append(replies.text(language, "ticket.details.message", author, message.body()));
            }
        }
        sessions.setCurrent(s, number);
        List<MessageAction> buttons = new ArrayList<>();
        if (details.status() != TicketStatus.CLOSED) {
            buttons.add(replies.action(new ReplyTo(number.value()), language, "action.reply"));
            buttons.add(replies.action(new AskToClose(number.value()), language, "action.close"));
        }
        replies.send(s.chat(), text.toString(), buttons);
    }

    /** A ticket's Reply button: what the customer writes next goes to it. */
    void replyTo(CustomerSession s, TicketNumber number) {
        if (queries.detailsForCustomer(s.customer().id(), number).status() == TicketStatus.CLOSED) {
            throw new DomainException("ticket.closed", number.toString());   // an old button of a ticket closed since
        }
        sessions.setCurrent(s, number);
        replies.send(s.chat(), s.language(), "bot.ticket.reply-to", number.toString());
    }

    /**
     * /transcript, with a number or for the ticket they talk about: the whole conversation by email,
     * to the address they verified (/email first when there is none).
     */
    void transcript(CustomerSession s, String argument) {
        TicketNumber number = argument != null && !argument.isBlank() ? TicketNumber.parse(argument)
                : s.current().orElseThrow(() -> new DomainException("transcript.which"));
        String address = transcripts.emailTo(s.customer().id(), number);
        replies.send(s.chat(), s.language(), "transcript.sent", number.toString(), address);
    }

    /** /close, with a number or without: the ticket they talk about, their only open one, or a choice. */
    void askToClose(CustomerSession s, String argument) {
        if (argument != null && !argument.isBlank()) {
            confirmClose(s, TicketNumber.parse(argument));
            return;
        }
        List<TicketSummary> open = queries.myOpenTickets(s.customer().id());
        Optional<TicketNumber> current = s.current().filter(n -> open.stream().anyMatch(t -> t.number().equals(n)));
        if (current.isPresent()) {
            confirmClose(s, current.get());
        } else if (open.size() == 1) {
            confirmClose(s, open.get(0).number());
        } else if (open.isEmpty()) {
            replies.send(s.chat(), s.language(), "bot.close.none");
        } else {
            replies.send(s.chat(), replies.text(s.language(), "bot.close.which"),
                    open.stream().map(t -> MessageAction.of(new AskToClose(t.numberValue()), t.number() + " · " + t.subject())).toList());
        }
    }

    void confirmClose(CustomerSession s, TicketNumber number) {
        queries.detailsForCustomer(s.customer().id(), number);
        replies.send(s.chat(), replies.text(s.language(), "bot.close.confirm", number.toString()), List.of(
                replies.action(new ConfirmClose(number.value(), true), s.language(), "bot.close.yes"),
                replies.action(new ConfirmClose(number.value(), false), s.language(), "bot.close.no")));
    }

    /** The answer to that confirmation. */
    void answerClose(CustomerSession s, TicketNumber number, boolean close) {
        if (close) {
            closeTicket.byCustomer(s.customer().id(), number);
        } else {
            replies.send(s.chat(), s.language(), "bot.close.kept", number.toString());
        }
    }

    private String agentName(String language, Optional<String> agent) {
        return agent.orElseGet(() -> replies.text(language, "ticket.agent.none"));
    }
}
