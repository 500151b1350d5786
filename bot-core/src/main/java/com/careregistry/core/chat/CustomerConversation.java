package com.careregistry.core.chat;

import com.careregistry.core.agent.JoinRequestDesk;
import com.careregistry.core.category.Category;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
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
import com.careregistry.core.conversation.ConversationKey;
import com.careregistry.core.conversation.ConversationState;
import com.careregistry.core.conversation.Conversations;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.CloseTicket;
import com.careregistry.core.ticket.EditCustomerMessage;
import com.careregistry.core.ticket.OpenTicket;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.RateTicket;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketMessage;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import com.careregistry.core.ticket.TicketStatus;
import com.careregistry.core.ticket.TicketSummary;
import com.careregistry.core.verification.VerifyEmail;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A customer in their private chat with a bot, on any platform: commands, buttons and the steps of multi-step
 * flows, translated into the core's use cases. The step a customer is at lives in the core's
 * conversation state, together with the ticket they are talking about ({@code current}).
 */
@Component
public class CustomerConversation {

    static final String IDLE = "idle";
    static final String NEW_CATEGORY = "new:category";
    static final String NEW_DESCRIBE = "new:describe";
    static final String CHOOSE_TICKET = "choose-ticket";
    static final String OFFER_NEW = "offer-new";
    static final String EMAIL_ADDRESS = "email:address";
    static final String EMAIL_CODE = "email:code";
    static final String RATE_COMMENT = "rate:comment";
    /** In a step's data: a message the customer wrote is kept until they say where it goes. */
    private static final String PENDING = "pending";

    private final CustomerDirectory customers;
    private final Conversations conversations;
    private final ManageCategories categories;
    private final OpenTicket openTicket;
    private final PostCustomerMessage postMessage;
    private final EditCustomerMessage editMessage;
    private final TicketQueries queries;
    private final CloseTicket closeTicket;
    private final RateTicket rateTicket;
    private final VerifyEmail verifyEmail;
    private final JoinRequestDesk joinRequests;
    private final Replies replies;

    CustomerConversation(CustomerDirectory customers, Conversations conversations, ManageCategories categories,
                         OpenTicket openTicket, PostCustomerMessage postMessage, EditCustomerMessage editMessage,
                         TicketQueries queries, CloseTicket closeTicket, RateTicket rateTicket, VerifyEmail verifyEmail,
                         JoinRequestDesk joinRequests, Outbox outbox, Texts texts) {
        this.customers = customers;
        this.conversations = conversations;
        this.categories = categories;
        this.openTicket = openTicket;
        this.postMessage = postMessage;
        this.editMessage = editMessage;
        this.queries = queries;
        this.closeTicket = closeTicket;
        this.rateTicket = rateTicket;
        this.verifyEmail = verifyEmail;
        this.joinRequests = joinRequests;
        this.replies = new Replies(outbox, texts);
    }

    /** Who is writing, where we answer them, and the step they are at. */
    private record Session(Customer customer, ChatUser user, ChatAddress chat, ConversationKey key, String step,
                           Map<String, String> data) {
        String language() {
            return customer.language();
        }

        Optional<TicketNumber> current() {
            String current = data.get("current");
            return current == null ? Optional.empty() : Optional.of(new TicketNumber(Long.parseLong(current)));
        }
    }

    private Session session(ChatUser user) {
        Customer customer = customers.register(user);
        ConversationKey key = new ConversationKey(user.channel(), user.chatId(), user.externalUserId());
        Optional<ConversationState> state = conversations.current(key);
        return new Session(customer, user, user.privateChat(), key, state.map(ConversationState::step).orElse(IDLE),
                state.map(ConversationState::data).orElse(Map.of()));
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

    public void onMessage(ChatUser user, ChatInput incoming) {
        Session s = session(user);
        if (incoming.isCommand()) {
            onCommand(s, incoming.command(), incoming.argument());
            return;
        }
        switch (s.step()) {
            case NEW_DESCRIBE -> open(s, Long.valueOf(s.data().get("category")), incoming);
            case EMAIL_ADDRESS -> startEmail(s, incoming.text());
            case EMAIL_CODE -> confirmEmail(s, incoming.text());
            case RATE_COMMENT -> comment(s, incoming.text());
            case NEW_CATEGORY, CHOOSE_TICKET, OFFER_NEW -> replies.send(s.chat(), s.language(), "bot.hint.use-buttons");
            default -> toCurrentTicket(s, incoming);
        }
    }

    /**
     * A form (a Discord modal) opened a ticket with this description, in the category chosen in the
     * form ({@code null} when the form had no choice): opened at once when that category (or the only
     * one) is active, else the customer chooses one in the chat first and it opens then, with the same
     * description, so nothing they wrote is lost.
     */
    public void openFromForm(ChatUser user, Long categoryId, ChatInput description) {
        Session s = session(user);
        List<Category> active = categories.active();
        if (categoryId != null && active.stream().anyMatch(c -> c.id().equals(categoryId))) {
            open(s, categoryId, description);
            return;
        }
        openWithChosenOrOnlyCategory(s, description, active);
    }

    /**
     * Stars given on a platform that asks the optional comment in a form of its own (a Discord
     * modal, see {@link #commentFromForm}), so the chat does not ask for it as well.
     */
    public void rate(ChatUser user, TicketNumber number, int stars) {
        Session s = session(user);
        rateTicket.rate(s.customer().id(), number, stars, null);
        if (RATE_COMMENT.equals(s.step())) {
            moveTo(s, IDLE, Map.of());
        }
    }

    /** The comment of the rating form; an empty form adds nothing (the comment is optional). */
    public void commentFromForm(ChatUser user, TicketNumber number, String comment) {
        if (comment == null || comment.isBlank()) {
            return;
        }
        Session s = session(user);
        rateTicket.comment(s.customer().id(), number, comment);
    }

    public void onEdit(ChatUser user, ChatInput incoming) {
        customers.find(user.channel(), user.externalUserId()).ifPresent(customer -> {
            if (incoming.text() != null && !incoming.text().isBlank()) {
                editMessage.edit(customer.id(), user.channel(), incoming.externalMessageId(), incoming.text());
            }
        });
    }

    private void onCommand(Session s, String command, String argument) {
        switch (command) {
            case "start" -> start(s);
            case "new" -> newTicket(s);
            case "tickets" -> listTickets(s);
            case "ticket" -> showTicket(s, TicketNumber.parse(argument));
            case "close" -> askToClose(s, argument);
            case "email" -> {
                moveTo(s, EMAIL_ADDRESS, Map.of());
                replies.send(s.chat(), s.language(), "bot.email.ask");
            }
            case "language" -> chooseLanguage(s);
            case "agent" -> joinRequests.request(s.user(), argument);
            case "cancel" -> cancel(s);
            case "skip" -> {
                if (RATE_COMMENT.equals(s.step())) {
                    moveTo(s, IDLE, Map.of());
                    replies.send(s.chat(), s.language(), "bot.done");
                } else {
                    replies.send(s.chat(), s.language(), "bot.nothing-to-cancel");
                }
            }
            case "help" -> replies.send(s.chat(), s.language(), "bot.help");
            default -> replies.send(s.chat(), s.language(), "bot.unknown-command");
        }
    }

    // ---------------------------------------------------------------- buttons

    /**
     * A button pressed in the private chat; {@code data} is the action id the button was made with.
     * A malformed, stale or foreign one is refused ("This button no longer works").
     */
    public void onButton(ChatUser user, String data) {
        ChatAction action = ChatAction.parse(data);
        Session s = session(user);
        if (action instanceof Menu menu) {
            switch (menu.item()) {
                case NEW -> newTicket(s);
                case TICKETS -> listTickets(s);
                case HELP -> replies.send(s.chat(), s.language(), "bot.help");
            }
        } else if (action instanceof ChooseCategory chosen) {
            chooseCategory(s, chosen.categoryId());
        } else if (action instanceof ShowTicket show) {
            showTicket(s, new TicketNumber(show.ticket()));
        } else if (action instanceof ReplyTo reply) {
            TicketNumber number = new TicketNumber(reply.ticket());
            queries.detailsForCustomer(s.customer().id(), number);
            setCurrent(s, number);
            replies.send(s.chat(), s.language(), "bot.ticket.reply-to", number.toString());
        } else if (action instanceof AskToClose close) {
            confirmClose(s, new TicketNumber(close.ticket()));
        } else if (action instanceof ConfirmClose answer) {
            TicketNumber number = new TicketNumber(answer.ticket());
            if (answer.close()) {
                closeTicket.byCustomer(s.customer().id(), number);
            } else {
                replies.send(s.chat(), s.language(), "bot.close.kept", number.toString());
            }
        } else if (action instanceof Rate rate) {
            TicketNumber number = new TicketNumber(rate.ticket());
            rateTicket.rate(s.customer().id(), number, rate.stars(), null);
            moveTo(s, RATE_COMMENT, Map.of("ticket", String.valueOf(number.value())));
            replies.send(s.chat(), s.language(), "bot.rate.comment");
        } else if (action instanceof PickTicket pick) {
            postPending(s, new TicketNumber(pick.ticket()));
        } else if (action instanceof OfferNewTicket offer) {
            answerOffer(s, offer.open());
        } else if (action instanceof ChooseLanguage chosen) {
            if (!Texts.SUPPORTED_LANGUAGES.contains(chosen.language())) {
                throw new DomainException("bot.button.stale");   // not one we offered
            }
            Customer customer = customers.changeLanguage(s.customer().id(), chosen.language());
            replies.send(s.chat(), customer.language(), "bot.language.set",
                    replies.text(customer.language(), "language.name." + customer.language()));
        } else {
            replies.send(s.chat(), s.language(), "bot.button.stale");   // a staff button pressed here
        }
    }

    private void chooseCategory(Session s, long categoryId) {
        if (!NEW_CATEGORY.equals(s.step())) {
            replies.send(s.chat(), s.language(), "bot.button.stale");
            return;
        }
        Category category = categories.get(categoryId);
        if (s.data().containsKey(PENDING) || s.data().containsKey("mid")) {
            open(s, category.id(), pending(s));   // the message they wrote before choosing
            return;
        }
        moveTo(s, NEW_DESCRIBE, Map.of("category", String.valueOf(category.id())));
        replies.send(s.chat(), s.language(), "bot.new.describe");
    }

    private void answerOffer(Session s, boolean open) {
        if (!OFFER_NEW.equals(s.step())) {
            replies.send(s.chat(), s.language(), "bot.button.stale");
        } else if (open) {
            ChatInput pending = pending(s);
            moveTo(s, IDLE, Map.of());
            openWithChosenOrOnlyCategory(s, pending);
        } else {
            moveTo(s, IDLE, Map.of());
            replies.send(s.chat(), s.language(), "bot.cancelled");
        }
    }

    // ---------------------------------------------------------------- the stories

    private void start(Session s) {
        replies.send(s.chat(), replies.text(s.language(), "bot.greeting", s.customer().displayName()), List.of(
                replies.action(new Menu(MenuItem.NEW), s.language(), "bot.menu.new"),
                replies.action(new Menu(MenuItem.TICKETS), s.language(), "bot.menu.tickets"),
                replies.action(new Menu(MenuItem.HELP), s.language(), "bot.menu.help")));
    }

    private void newTicket(Session s) {
        List<Category> active = categories.active();
        if (active.size() == 1) {
            moveTo(s, NEW_DESCRIBE, Map.of("category", String.valueOf(active.get(0).id())));
            replies.send(s.chat(), s.language(), "bot.new.describe");
            return;
        }
        moveTo(s, NEW_CATEGORY, Map.of());
        List<MessageAction> buttons = active.stream().map(c -> MessageAction.of(new ChooseCategory(c.id()), c.name())).toList();
        replies.send(s.chat(), replies.text(s.language(), "bot.new.choose-category"), buttons);
    }

    private void open(Session s, Long categoryId, ChatInput incoming) {
        Ticket ticket = openTicket.open(new OpenTicketCommand(s.customer().id(), categoryId, incoming.text(),
                incoming.attachments(), s.user().channel(), incoming.externalMessageId()));
        Map<String, String> data = new HashMap<>();
        data.put("current", String.valueOf(ticket.number().value()));
        conversations.moveTo(s.key(), IDLE, data);
        replies.send(s.chat(), s.language(), "bot.ticket.created", ticket.number().toString());
    }

    private void openWithChosenOrOnlyCategory(Session s, ChatInput pending) {
        openWithChosenOrOnlyCategory(s, pending, categories.active());
    }

    private void openWithChosenOrOnlyCategory(Session s, ChatInput pending, List<Category> active) {
        if (active.size() == 1) {
            open(s, active.get(0).id(), pending);
        } else {
            // the customer still has to choose; the message they wrote becomes the description then
            moveTo(s, NEW_CATEGORY, keep(pending));
            replies.send(s.chat(), replies.text(s.language(), "bot.new.choose-category"),
                    active.stream().map(c -> MessageAction.of(new ChooseCategory(c.id()), c.name())).toList());
        }
    }

    private void listTickets(Session s) {
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

    private void showTicket(Session s, TicketNumber number) {
        TicketDetails details = queries.detailsForCustomer(s.customer().id(), number);
        String language = s.language();
        StringBuilder text = new StringBuilder(replies.text(language, "ticket.details", details.number().toString(),
                details.subject(), replies.text(language, details.status().textKey()), details.categoryName(),
                agentName(language, details.agent()), replies.text(language, "bot.ticket.opened-at", Date.from(details.openedAt())),
                details.description()));
        if (!details.lastMessages().isEmpty()) {
            text.append("\n\n").append(replies.text(language, "ticket.details.last-messages"));
            for (TicketMessage message : details.lastMessages()) {
                String author = switch (message.authorType()) {
                    case CUSTOMER -> replies.text(language, "ticket.details.author.customer");
                    case AGENT -> details.agent().orElse(replies.text(language, "ticket.details.author.system"));
                    case SYSTEM -> replies.text(language, "ticket.details.author.system");
                };
                text.append('\n').append(replies.text(language, "ticket.details.message", author, message.body()));
            }
        }
        setCurrent(s, number);
        List<MessageAction> buttons = new ArrayList<>();
        if (details.status() != TicketStatus.CLOSED) {
            buttons.add(replies.action(new ReplyTo(number.value()), language, "action.reply"));
            buttons.add(replies.action(new AskToClose(number.value()), language, "action.close"));
        }
        replies.send(s.chat(), text.toString(), buttons);
    }

    private void askToClose(Session s, String argument) {
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

    private void confirmClose(Session s, TicketNumber number) {
        queries.detailsForCustomer(s.customer().id(), number);
        replies.send(s.chat(), replies.text(s.language(), "bot.close.confirm", number.toString()), List.of(
                replies.action(new ConfirmClose(number.value(), true), s.language(), "bot.close.yes"),
                replies.action(new ConfirmClose(number.value(), false), s.language(), "bot.close.no")));
    }

    private void toCurrentTicket(Session s, ChatInput incoming) {
        Optional<TicketNumber> talkingAbout = s.current();
        if (talkingAbout.isPresent() && postMessage.postUnlessClosed(
                new PostCustomerMessage.Command(s.customer().id(), talkingAbout.get(), incoming.content())).isPresent()) {
            stayOn(s, talkingAbout.get());   // the common case: the ticket they are talking about is open
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
            incoming.content(); // refuses an over-long message before it is kept
            moveTo(s, OFFER_NEW, keep(incoming));
            replies.send(s.chat(), replies.text(s.language(), "bot.no-open-ticket"), List.of(
                    replies.action(new OfferNewTicket(true), s.language(), "bot.offer.open"),
                    replies.action(new OfferNewTicket(false), s.language(), "bot.cancel")));
            return;
        }
        incoming.content(); // refuses an over-long message before it is kept
        moveTo(s, CHOOSE_TICKET, keep(incoming));
        replies.send(s.chat(), replies.text(s.language(), "bot.which-ticket"),
                open.stream().map(t -> MessageAction.of(new PickTicket(t.numberValue()), t.number() + " · " + t.subject())).toList());
    }

    private void postPending(Session s, TicketNumber number) {
        if (!CHOOSE_TICKET.equals(s.step())) {
            replies.send(s.chat(), s.language(), "bot.button.stale");
            return;
        }
        ChatInput pending = pending(s);
        post(s, number, pending);
    }

    private void post(Session s, TicketNumber number, ChatInput incoming) {
        postMessage.post(new PostCustomerMessage.Command(s.customer().id(), number, incoming.content()));
        stayOn(s, number);
    }

    /** The customer is at no step, talking about this ticket. */
    private void stayOn(Session s, TicketNumber number) {
        conversations.moveTo(s.key(), IDLE, Map.of("current", String.valueOf(number.value())));
    }

    private void startEmail(Session s, String typed) {
        String address = verifyEmail.start(s.customer().id(), typed);
        moveTo(s, EMAIL_CODE, Map.of("email", address));
        replies.send(s.chat(), s.language(), "email.verify.sent", address);
    }

    private void confirmEmail(Session s, String typed) {
        VerifyEmail.Result result = verifyEmail.confirm(s.customer().id(), typed);
        if (result != VerifyEmail.Result.WRONG_CODE) {
            moveTo(s, IDLE, Map.of());
        }
        String language = customers.get(s.customer().id()).language();
        replies.send(s.chat(), language, result.textKey());
    }

    private void comment(Session s, String text) {
        rateTicket.comment(s.customer().id(), number(s.data().get("ticket")), text);
        moveTo(s, IDLE, Map.of());
    }

    private void chooseLanguage(Session s) {
        replies.send(s.chat(), replies.text(s.language(), "bot.language.choose"), Texts.SUPPORTED_LANGUAGES.stream()
                .map(language -> MessageAction.of(new ChooseLanguage(language), replies.text(language, "language.name." + language)))
                .toList());
    }

    private void cancel(Session s) {
        if (IDLE.equals(s.step())) {
            replies.send(s.chat(), s.language(), "bot.nothing-to-cancel");
            return;
        }
        moveTo(s, IDLE, Map.of());
        replies.send(s.chat(), s.language(), "bot.cancelled");
    }

    // ---------------------------------------------------------------- state

    /** Moves to a step, keeping the ticket the customer is talking about. */
    private void moveTo(Session s, String step, Map<String, String> data) {
        Map<String, String> next = new HashMap<>(data);
        s.current().ifPresent(current -> next.putIfAbsent("current", String.valueOf(current.value())));
        if (IDLE.equals(step) && next.isEmpty()) {
            conversations.finish(s.key());
        } else {
            conversations.moveTo(s.key(), step, next);
        }
    }

    private void setCurrent(Session s, TicketNumber number) {
        Map<String, String> data = new HashMap<>(s.data());
        data.put("current", String.valueOf(number.value()));
        conversations.moveTo(s.key(), s.step(), data);
    }

    /** A message kept in the state until the customer says where it goes. */
    private static Map<String, String> keep(ChatInput incoming) {
        Map<String, String> data = new HashMap<>();
        data.put(PENDING, "1");   // a form's description has no message id: this marks that one is kept
        if (incoming.text() != null) {
            data.put("text", incoming.text());
        }
        if (incoming.externalMessageId() != null) {
            data.put("mid", incoming.externalMessageId());
        }
        for (int i = 0; i < incoming.attachments().size(); i++) {
            Attachment a = incoming.attachments().get(i);
            data.put("file" + i, a.kind() + "\t" + a.fileRef() + "\t" + (a.fileName() == null ? "" : a.fileName()));
        }
        return data;
    }

    private static ChatInput pending(Session s) {
        List<Attachment> files = new ArrayList<>();
        for (int i = 0; s.data().containsKey("file" + i); i++) {
            String[] fields = s.data().get("file" + i).split("\t", -1);
            files.add(new Attachment(fields[0], fields[1], fields[2].isEmpty() ? null : fields[2]));
        }
        return new ChatInput(s.user().channel(), s.data().get("text"), files, s.data().get("mid"), null, null);
    }

    private String agentName(String language, Optional<String> agent) {
        return agent.orElseGet(() -> replies.text(language, "ticket.agent.none"));
    }

    private static TicketNumber number(String value) {
        try {
            return new TicketNumber(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new DomainException("bot.button.stale");
        }
    }
}
