package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.CHOOSE_TICKET;
import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;

import com.careregistry.core.common.ChatAction.PickTicket;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import com.careregistry.core.ticket.TicketSummary;
import com.careregistry.core.topic.CustomerTopics;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * C3: what a customer writes outside any flow goes to a ticket: the one they are talking about
 * while it is open, else their only open one, else they choose (the message kept meanwhile); with
 * none open, a new ticket is offered ({@link NewTicketFlow#offer}).
 */
@Component
class MessageRouting {

    private final CustomerSessions sessions;
    private final PostCustomerMessage postMessage;
    private final TicketQueries queries;
    private final NewTicketFlow newTicket;
    private final Replies replies;
    private final CustomerTopics topics;

    MessageRouting(CustomerSessions sessions, PostCustomerMessage postMessage, TicketQueries queries, NewTicketFlow newTicket,
                   CustomerTopics topics, Outbox outbox, Texts texts) {
        this.topics = topics;
        this.sessions = sessions;
        this.postMessage = postMessage;
        this.queries = queries;
        this.newTicket = newTicket;
        this.replies = new Replies(outbox, texts);
    }

    void toCurrentTicket(CustomerSession s, ChatInput incoming) {
        Optional<TicketNumber> talkingAbout = s.current();
        if (talkingAbout.isPresent() && postMessage.postUnlessClosed(
                new PostCustomerMessage.Command(s.customer().id(), talkingAbout.get(), incoming.content())).isPresent()) {
            sessions.stayOn(s, talkingAbout.get());   // the common case: the ticket they are talking about is open
            return;
        }
        List<TicketSummary> open = queries.myOpenTickets(s.customer().id());
        Optional<TicketNumber> current = s.current().filter(n -> open.stream().anyMatch(t -> t.number().equals(n)));
        if (current.isEmpty() && open.size() == 1) {
            current = Optional.of(open.get(0).number());
        }
        if (current.isPresent()) {
            post(s, current.get(), incoming);
            return;
        }
        if (open.isEmpty()) {
            newTicket.offer(s, incoming);
            return;
        }
        incoming.content(); // refuses an over-long message before it is kept
        sessions.moveTo(s, CHOOSE_TICKET, CustomerSession.keep(incoming));
        replies.send(s.chat(), replies.text(s.language(), "bot.which-ticket"),
                open.stream().map(t -> MessageAction.of(new PickTicket(t.numberValue()), t.number() + " · " + t.subject())).toList());
    }

    /**
     * What a customer wrote in a topic of their private chat, where the platform has them: in a ticket's
     * own topic, to that ticket while it is open (no "which ticket?", however many are open). False,
     * for the conversation to take it as any other message, when it is a command, when a step of a flow
     * waits for it (a rating's comment, a new ticket's description), or when the ticket is closed.
     */
    boolean inTopic(CustomerSession s, ChatAddress topic, ChatInput incoming) {
        Optional<TicketNumber> number = incoming.isCommand() || !IDLE.equals(s.step()) ? Optional.empty() : topics.ticketIn(topic);
        if (number.isPresent() && postMessage.postUnlessClosed(
                new PostCustomerMessage.Command(s.customer().id(), number.get(), incoming.content())).isPresent()) {
            sessions.stayOn(s, number.get());
            return true;
        }
        return false;
    }

    /** The ticket chosen for the message kept. */
    void postPending(CustomerSession s, TicketNumber number) {
        if (!s.at(CHOOSE_TICKET)) {
            replies.send(s.chat(), s.language(), "bot.button.stale");
            return;
        }
        post(s, number, s.pending());
    }

    private void post(CustomerSession s, TicketNumber number, ChatInput incoming) {
        postMessage.post(new PostCustomerMessage.Command(s.customer().id(), number, incoming.content()));
        sessions.stayOn(s, number);
    }
}
