package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.ARTICLES;
import static com.careregistry.core.chat.CustomerSession.Steps.CHOOSE_TICKET;
import static com.careregistry.core.chat.CustomerSession.Steps.EMAIL_ADDRESS;
import static com.careregistry.core.chat.CustomerSession.Steps.EMAIL_CODE;
import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.CustomerSession.Steps.NEW_CATEGORY;
import static com.careregistry.core.chat.CustomerSession.Steps.NEW_DESCRIBE;
import static com.careregistry.core.chat.CustomerSession.Steps.OFFER_NEW;
import static com.careregistry.core.chat.CustomerSession.Steps.RATE_COMMENT;

import com.careregistry.core.agent.JoinRequestDesk;
import com.careregistry.core.common.ChatAction.AnswerArticles;
import com.careregistry.core.common.ChatAction.AskToClose;
import com.careregistry.core.common.ChatAction.ChooseCategory;
import com.careregistry.core.common.ChatAction.ChooseLanguage;
import com.careregistry.core.common.ChatAction.ConfirmClose;
import com.careregistry.core.common.ChatAction.Menu;
import com.careregistry.core.common.ChatAction.MenuItem;
import com.careregistry.core.common.ChatAction.OfferNewTicket;
import com.careregistry.core.common.ChatAction.PickTicket;
import com.careregistry.core.common.ChatAction.Rate;
import com.careregistry.core.common.ChatAction.ReplyTo;
import com.careregistry.core.common.ChatAction.ShowTicket;
import com.careregistry.core.common.ChatAction;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.EditCustomerMessage;
import com.careregistry.core.ticket.TicketNumber;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A customer in their private chat with a bot, on any platform: each command, button and step is
 * routed to the flow that owns it ({@link NewTicketFlow}, {@link MessageRouting}, {@link
 * TicketBrowsing}, {@link EmailFlow}, {@link RatingFlow}); what belongs to no flow (the greeting,
 * help, the language, /cancel, /agent) is answered here. The step a customer is at lives in the
 * core's conversation state ({@link CustomerSessions}).
 */
@Component
public class CustomerConversation {

    private final CustomerSessions sessions;
    private final CustomerDirectory customers;
    private final EditCustomerMessage editMessage;
    private final JoinRequestDesk joinRequests;
    private final NewTicketFlow newTicket;
    private final MessageRouting routing;
    private final TicketBrowsing browsing;
    private final EmailFlow email;
    private final RatingFlow rating;
    private final Replies replies;

    CustomerConversation(CustomerSessions sessions, CustomerDirectory customers, EditCustomerMessage editMessage,
                         JoinRequestDesk joinRequests, NewTicketFlow newTicket, MessageRouting routing, TicketBrowsing browsing,
                         EmailFlow email, RatingFlow rating, Outbox outbox, Texts texts) {
        this.sessions = sessions;
        this.customers = customers;
        this.editMessage = editMessage;
        this.joinRequests = joinRequests;
        this.newTicket = newTicket;
        this.routing = routing;
        this.browsing = browsing;
        this.email = email;
        this.rating = rating;
        this.replies = new Replies(outbox, texts);
    }

    /**
     * The language to speak to this user in (refusals, a platform's forms): the one they chose with
     * /language, else the one their client reports now, else the one we know them by.
     */
    public String languageOf(ChatUser user) {
        return customers.find(user.channel(), user.externalUserId()).map(customer -> customer.languageFor(user.language()))
                .orElse(Texts.normalize(user.language()));
    }

    // ---------------------------------------------------------------- messages

    /** What a customer wrote in a topic of their chat ({@code topic}): see {@link MessageRouting#inTopic}. */
    public void onTopicMessage(ChatUser user, ChatAddress topic, ChatInput incoming) {
        CustomerSession s = sessions.of(user);
        if (!routing.inTopic(s, topic, incoming)) {
            onMessage(s, incoming);
        }
    }

    public void onMessage(ChatUser user, ChatInput incoming) {
        onMessage(sessions.of(user), incoming);
    }

    private void onMessage(CustomerSession s, ChatInput incoming) {
        if (incoming.isCommand()) {
            onCommand(s, incoming.command());
            return;
        }
        switch (s.step()) {
            case NEW_DESCRIBE -> newTicket.describe(s, incoming);
            case ARTICLES -> newTicket.writeWhileArticlesOffered(s, incoming);
            case EMAIL_ADDRESS -> email.address(s, incoming.text());
            case EMAIL_CODE -> email.code(s, incoming.text());
            case RATE_COMMENT -> rating.comment(s, incoming.text());
            case NEW_CATEGORY, CHOOSE_TICKET, OFFER_NEW -> replies.send(s.chat(), s.language(), "bot.hint.use-buttons");
            default -> routing.toCurrentTicket(s, incoming);
        }
    }

    /** A form (a Discord modal) opened a ticket: see {@link NewTicketFlow#openFromForm}. */
    public void openFromForm(ChatUser user, Long categoryId, ChatInput description) {
        newTicket.openFromForm(sessions.of(user), categoryId, description);
    }

    /**
     * Stars given on a platform that asks the optional comment in a form of its own (a Discord
     * modal, see {@link #commentFromForm}), so the chat does not ask for it as well.
     */
    public void rate(ChatUser user, TicketNumber number, int stars) {
        rating.starsFromForm(sessions.of(user), number, stars);
    }

    /** The comment of the rating form; an empty form adds nothing (the comment is optional). */
    public void commentFromForm(ChatUser user, TicketNumber number, String comment) {
        if (comment == null || comment.isBlank()) {
            return;
        }
        rating.commentFromForm(sessions.of(user), number, comment);
    }

    public void onEdit(ChatUser user, ChatInput incoming) {
        customers.find(user.channel(), user.externalUserId()).ifPresent(customer -> {
            if (incoming.text() != null && !incoming.text().isBlank()) {
                editMessage.edit(customer.id(), user.channel(), incoming.externalMessageId(), incoming.text());
            }
        });
    }

    /** A command picked from a platform's own menu (a Discord slash command), as if it had been typed. */
    public void onCommand(ChatUser user, CustomerCommand command) {
        onCommand(sessions.of(user), command);
    }

    private void onCommand(CustomerSession s, CustomerCommand command) {
        String argument = command.argument();
        switch (command.name()) {
            case START -> start(s);
            case NEW -> newTicket.begin(s);
            case TICKETS -> browsing.list(s);
            case TICKET -> browsing.show(s, TicketNumber.parse(argument));
            case CLOSE -> browsing.askToClose(s, argument);
            case TRANSCRIPT -> browsing.transcript(s, argument);
            case EMAIL -> email.begin(s);
            case LANGUAGE -> chooseLanguage(s);
            case AGENT -> joinRequests.request(s.user(), argument);
            case CANCEL -> cancel(s);
            case SKIP -> rating.skip(s);
            case HELP -> replies.send(s.chat(), s.language(), "bot.help");
            case UNKNOWN -> replies.send(s.chat(), s.language(), "bot.unknown-command");
        }
    }

    // ---------------------------------------------------------------- buttons

    /**
     * A button pressed in the private chat; {@code data} is the action id the button was made with.
     * A malformed, stale or foreign one is refused ("This button no longer works").
     */
    public void onButton(ChatUser user, String data) {
        ChatAction action = ChatAction.parse(data);
        CustomerSession s = sessions.of(user);
        if (action instanceof Menu menu) {
            switch (menu.item()) {
                case NEW -> newTicket.begin(s);
                case TICKETS -> browsing.list(s);
                case HELP -> replies.send(s.chat(), s.language(), "bot.help");
            }
        } else if (action instanceof ChooseCategory chosen) {
            newTicket.chooseCategory(s, chosen.categoryId());
        } else if (action instanceof ShowTicket show) {
            browsing.show(s, new TicketNumber(show.ticket()));
        } else if (action instanceof ReplyTo reply) {
            browsing.replyTo(s, new TicketNumber(reply.ticket()));
        } else if (action instanceof AskToClose close) {
            browsing.confirmClose(s, new TicketNumber(close.ticket()));
        } else if (action instanceof ConfirmClose answer) {
            browsing.answerClose(s, new TicketNumber(answer.ticket()), answer.close());
        } else if (action instanceof Rate rate) {
            rating.stars(s, new TicketNumber(rate.ticket()), rate.stars());
        } else if (action instanceof PickTicket pick) {
            routing.postPending(s, new TicketNumber(pick.ticket()));
        } else if (action instanceof OfferNewTicket offer) {
            newTicket.answerOffer(s, offer.open());
        } else if (action instanceof AnswerArticles answer) {
            newTicket.answerArticles(s, answer.offer(), answer.solved());
        } else if (action instanceof ChooseLanguage chosen) {
            setLanguage(s, chosen.language());
        } else {
            replies.send(s.chat(), s.language(), "bot.button.stale");   // a staff button pressed here
        }
    }

    // ---------------------------------------------------------------- what belongs to no flow

    private void start(CustomerSession s) {
        replies.send(s.chat(), replies.text(s.language(), "bot.greeting", s.customer().displayName()), List.of(
                replies.action(new Menu(MenuItem.NEW), s.language(), "bot.menu.new"),
                replies.action(new Menu(MenuItem.TICKETS), s.language(), "bot.menu.tickets"),
                replies.action(new Menu(MenuItem.HELP), s.language(), "bot.menu.help")));
    }

    private void chooseLanguage(CustomerSession s) {
        replies.send(s.chat(), replies.text(s.language(), "bot.language.choose"), Texts.SUPPORTED_LANGUAGES.stream()
                .map(language -> MessageAction.of(new ChooseLanguage(language), replies.text(language, "language.name." + language)))
                .toList());
    }

    private void setLanguage(CustomerSession s, String language) {
        if (!Texts.SUPPORTED_LANGUAGES.contains(language)) {
            throw new DomainException("bot.button.stale");   // not one we offered
        }
        Customer customer = customers.changeLanguage(s.customer().id(), language);
        replies.send(s.chat(), customer.language(), "bot.language.set",
                replies.text(customer.language(), "language.name." + customer.language()));
    }

    private void cancel(CustomerSession s) {
        if (IDLE.equals(s.step())) {
            replies.send(s.chat(), s.language(), "bot.nothing-to-cancel");
            return;
        }
        sessions.moveTo(s, IDLE, Map.of());
        replies.send(s.chat(), s.language(), "bot.cancelled");
    }
}
