package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.ARTICLES;
import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;

import com.careregistry.core.article.ArticleOfferView;
import com.careregistry.core.article.ArticleView;
import com.careregistry.core.article.OfferArticles;
import com.careregistry.core.common.ChatAction.AnswerArticles;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.OpenTicketCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers before a ticket: when articles match a description, they are sent (title and text, at
 * most three) with "Did this solve it?" before the ticket is opened, and the description and the
 * category are kept meanwhile. Yes ends the flow with no ticket (one prevented); no opens the
 * ticket as it was described ({@link NewTicketFlow} opens it). What the customer writes instead of
 * answering does not wait: the articles did not settle it, so the ticket is opened as described
 * and what they wrote goes to it ({@link NewTicketFlow#writeWhileArticlesOffered}); a command
 * (/cancel, /new, ...) leaves the offer unanswered.
 */
@Component
class ArticlesFlow {

    /** The ticket to open once articles did not settle it: as it was described, in its category. */
    record Kept(long categoryId, ChatInput description) {
    }

    private static final String CATEGORY = "category";
    private static final String OFFER = "offer";

    private final CustomerSessions sessions;
    private final OfferArticles articles;
    private final Replies replies;

    ArticlesFlow(CustomerSessions sessions, OfferArticles articles, Outbox outbox, Texts texts) {
        this.sessions = sessions;
        this.articles = articles;
        this.replies = new Replies(outbox, texts);
    }

    /** Before this ticket is opened: true when articles were offered instead, its description kept until the answer. */
    boolean offer(CustomerSession s, OpenTicketCommand ticket, ChatInput description) {
        if (ticket.categoryId() == null) {
            return false;   // the only category is chosen when the ticket is opened
        }
        Optional<ArticleOfferView> offer = articles.offer(s.customer().id(), ticket.categoryId(), ticket.description());
        if (offer.isEmpty()) {
            return false;
        }
        Map<String, String> data = CustomerSession.keep(description);
        data.put(CATEGORY, String.valueOf(ticket.categoryId()));
        data.put(OFFER, String.valueOf(offer.get().id()));
        sessions.moveTo(s, ARTICLES, data);
        long id = offer.get().id();
        replies.send(s.chat(), text(s.language(), offer.get().articles()), List.of(
                replies.action(new AnswerArticles(id, true), s.language(), "bot.articles.yes"),
                replies.action(new AnswerArticles(id, false), s.language(), "bot.articles.no")));
        return true;
    }

    /**
     * The answer's button: yes ends the flow, glad; no gives the ticket to open. An answer to an
     * offer no longer waiting (answered, cancelled, another one since) is a stale button.
     */
    Optional<Kept> answer(CustomerSession s, long offerId, boolean solved) {
        if (!s.at(ARTICLES) || !String.valueOf(offerId).equals(s.data().get(OFFER))
                || !articles.answer(offerId, s.customer().id(), solved)) {
            replies.send(s.chat(), s.language(), "bot.button.stale");
            return Optional.empty();
        }
        if (solved) {
            sessions.moveTo(s, IDLE, Map.of());
            replies.send(s.chat(), s.language(), "bot.articles.solved");
            return Optional.empty();
        }
        return Optional.of(kept(s));
    }

    /** The customer wrote instead of answering: the articles did not settle it, and the ticket is opened. */
    Kept notAnswered(CustomerSession s) {
        Kept kept = kept(s);
        articles.answer(number(s, OFFER), s.customer().id(), false);
        return kept;
    }

    private static Kept kept(CustomerSession s) {
        return new Kept(number(s, CATEGORY), s.pending());
    }

    /** A number kept in the step's data; a missing or malformed one is a stale step. */
    private static long number(CustomerSession s, String name) {
        try {
            return Long.parseLong(s.data().get(name));
        } catch (NumberFormatException e) {
            throw new DomainException("bot.button.stale");
        }
    }

    private String text(String language, List<ArticleView> offered) {
        StringBuilder text = new StringBuilder(replies.text(language, "bot.articles.offered"));
        for (ArticleView article : offered) {
            text.append("\n\n").append(replies.text(language, "bot.articles.article", article.title(), article.body()));
        }
        return text.append("\n\n").append(replies.text(language, "bot.articles.question")).toString();
    }
}
