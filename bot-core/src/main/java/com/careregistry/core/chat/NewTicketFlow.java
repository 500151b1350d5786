package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.CustomerSession.Steps.NEW_CATEGORY;
import static com.careregistry.core.chat.CustomerSession.Steps.NEW_DESCRIBE;
import static com.careregistry.core.chat.CustomerSession.Steps.OFFER_NEW;

import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.ChatAction.ChooseCategory;
import com.careregistry.core.common.ChatAction.OfferNewTicket;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.topic.CustomerTopics;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.sla.Deadlines;
import com.careregistry.core.text.Texts;
import com.careregistry.core.text.Times;
import com.careregistry.core.ticket.OpenTicket;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.Ticket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * C4: a new ticket. /new asks for the category (when there is more than one) and then the
 * description; a message written with no ticket open, or a form's description, becomes the
 * description once the category is known, so nothing the customer wrote is lost. Before a ticket is
 * opened, articles that match its description are offered ({@link ArticlesFlow}).
 */
@Component
class NewTicketFlow {

    private final CustomerSessions sessions;
    private final ManageCategories categories;
    private final OpenTicket openTicket;
    private final ArticlesFlow articles;
    private final PostCustomerMessage postMessage;
    private final Replies replies;
    private final Deadlines deadlines;
    private final Outbox outbox;

    NewTicketFlow(CustomerSessions sessions, ManageCategories categories, OpenTicket openTicket, ArticlesFlow articles,
                  PostCustomerMessage postMessage, Outbox outbox, Texts texts, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.sessions = sessions;
        this.categories = categories;
        this.openTicket = openTicket;
        this.articles = articles;
        this.postMessage = postMessage;
        this.replies = new Replies(outbox, texts);
        this.outbox = outbox;
    }

    /** /new, or the menu's button. */
    void begin(CustomerSession s) {
        openTicket.mayOpen(s.customer().id());   // a customer at a limit is told before describing anything
        List<CategoryView> active = categories.active();
        if (active.size() == 1) {
            sessions.moveTo(s, NEW_DESCRIBE, Map.of("category", String.valueOf(active.get(0).id())));
            replies.send(s.chat(), s.language(), "bot.new.describe");
            return;
        }
        sessions.moveTo(s, NEW_CATEGORY, Map.of());
        replies.send(s.chat(), replies.text(s.language(), "bot.new.choose-category"), categoryButtons(active));
    }

    /** The description, typed at the step that asked for it. */
    void describe(CustomerSession s, ChatInput incoming) {
        open(s, Long.valueOf(s.data().get("category")), incoming);
    }

    /** A category's button. */
    void chooseCategory(CustomerSession s, long categoryId) {
        if (!s.at(NEW_CATEGORY)) {
            replies.send(s.chat(), s.language(), "bot.button.stale");
            return;
        }
        CategoryView category = categories.get(categoryId);
        if (!category.active()) {
            throw new DomainException("category.retired", category.name());   // an old list's button: choose another
        }
        if (s.keepsAMessage()) {
            open(s, category.id(), s.pending());   // the message they wrote before choosing
            return;
        }
        sessions.moveTo(s, NEW_DESCRIBE, Map.of("category", String.valueOf(category.id())));
        replies.send(s.chat(), s.language(), "bot.new.describe");
    }

    /** A message written with no ticket open: a new ticket is offered. */
    void offer(CustomerSession s, ChatInput incoming) {
        incoming.content(); // refuses an over-long message before it is kept
        sessions.moveTo(s, OFFER_NEW, CustomerSession.keep(incoming));
        replies.send(s.chat(), replies.text(s.language(), "bot.no-open-ticket"), List.of(
                replies.action(new OfferNewTicket(true), s.language(), "bot.offer.open"),
                replies.action(new OfferNewTicket(false), s.language(), "bot.cancel")));
    }

    /** The answer to that offer. */
    void answerOffer(CustomerSession s, boolean open) {
        if (!s.at(OFFER_NEW)) {
            replies.send(s.chat(), s.language(), "bot.button.stale");
        } else if (open) {
            ChatInput pending = s.pending();
            sessions.moveTo(s, IDLE, Map.of());
            openWithChosenOrOnlyCategory(s, pending, categories.active());
        } else {
            sessions.moveTo(s, IDLE, Map.of());
            replies.send(s.chat(), s.language(), "bot.cancelled");
        }
    }

    /**
     * A form (a Discord modal) opened a ticket with this description, in the category chosen in the
     * form ({@code null} when it had none): opened at once when that category (or the only one) is
     * active, else the customer chooses one in the chat first.
     */
    void openFromForm(CustomerSession s, Long categoryId, ChatInput description) {
        List<CategoryView> active = categories.active();
        if (categoryId != null && active.stream().anyMatch(c -> c.id() == categoryId)) {
            open(s, categoryId, description);
            return;
        }
        openWithChosenOrOnlyCategory(s, description, active);
    }

    /** The answer to the articles offered before the ticket: no opens it as it was described. */
    void answerArticles(CustomerSession s, long offer, boolean solved) {
        articles.answer(s, offer, solved).ifPresent(kept -> openNow(s, kept.categoryId(), kept.description()));
    }

    /**
     * A message written while articles wait for an answer: they did not settle it, so the ticket is
     * opened as described and the message goes to it, as it would have once the ticket was open.
     */
    void writeWhileArticlesOffered(CustomerSession s, ChatInput incoming) {
        incoming.content();   // refuses an over-long message before anything is opened
        ArticlesFlow.Kept kept = articles.notAnswered(s);
        Ticket ticket = openNow(s, kept.categoryId(), kept.description());
        postMessage.post(new PostCustomerMessage.Command(s.customer().id(), ticket.number(), incoming.content()));
    }

    /** Every path to a new ticket: articles that match its description are offered first. */
    private void open(CustomerSession s, Long categoryId, ChatInput incoming) {
        OpenTicketCommand command = command(s, categoryId, incoming);   // an empty or over-long description is refused first
        openTicket.mayOpen(s.customer().id());   // and so is one the customer may not open now
        if (!articles.offer(s, command, incoming)) {
            opened(s, openTicket.open(command));
        }
    }

    private Ticket openNow(CustomerSession s, Long categoryId, ChatInput incoming) {
        return opened(s, openTicket.open(command(s, categoryId, incoming)));
    }

    private Ticket opened(CustomerSession s, Ticket ticket) {
        sessions.stayOn(s, ticket.number());
        created(s, ticket);
        return ticket;
    }

    /**
     * Ticket created; with what its category promises for a first answer, in which hours. Said about
     * the ticket, so where the platform has topics in private chats it opens the ticket's own topic.
     */
    private void created(CustomerSession s, Ticket ticket) {
        String number = ticket.number().toString();
        Optional<Duration> target = deadlines.firstResponseTarget(ticket.categoryId());
        String text;
        if (target.isEmpty()) {
            text = replies.text(s.language(), "bot.ticket.created", number);
        } else if (deadlines.hours().always()) {
            text = replies.text(s.language(), "bot.ticket.created.promise", number, Times.span(target.get()));
        } else {
            text = replies.text(s.language(), "bot.ticket.created.promise-hours", number, Times.span(target.get()),
                    deadlines.hours().describe(Texts.localeOf(s.language())));
        }
        outbox.toCustomerAbout(ticket.id(), s.chat(), CustomerTopics.titleOf(ticket), text, List.of(), List.of());
    }

    private static OpenTicketCommand command(CustomerSession s, Long categoryId, ChatInput incoming) {
        return new OpenTicketCommand(s.customer().id(), categoryId, incoming.text(), incoming.attachments(), s.user().channel(),
                incoming.externalMessageId());
    }

    private void openWithChosenOrOnlyCategory(CustomerSession s, ChatInput pending, List<CategoryView> active) {
        if (active.size() == 1) {
            open(s, active.get(0).id(), pending);
        } else {
            // the customer still has to choose; the message they wrote becomes the description then
            sessions.moveTo(s, NEW_CATEGORY, CustomerSession.keep(pending));
            replies.send(s.chat(), replies.text(s.language(), "bot.new.choose-category"), categoryButtons(active));
        }
    }

    private static List<MessageAction> categoryButtons(List<CategoryView> active) {
        return active.stream().map(c -> MessageAction.of(new ChooseCategory(c.id()), c.name())).toList();
    }
}
