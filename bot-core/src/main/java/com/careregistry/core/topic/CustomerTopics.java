package com.careregistry.core.topic;

import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.UserText;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketNumber;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each ticket's own topic in its customer's private chat, where the platform gives a bot topics there
 * (Telegram, Bot API 9.3): a sender records the topic it made for a ticket (again, when the customer
 * deleted it), and an adapter finds the ticket a customer wrote about by the topic they wrote in.
 * Plain queries: every message to a customer about a ticket asks {@link #find}.
 */
@Service
public class CustomerTopics {

    /** Telegram allows 128 characters in a topic's name. */
    public static final int MAX_TITLE_LENGTH = 128;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CustomerTopics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a ticket's topic is called in its customer's chat: its number and subject. */
    public static String titleOf(Ticket ticket) {
        String title = ticket.number() + " · " + UserText.isolate(ticket.subject());
        return title.length() <= MAX_TITLE_LENGTH ? title : title.substring(0, MAX_TITLE_LENGTH - 1) + "…";
    }

    /** The ticket's topic in this chat, if it has one. */
    public Optional<ChatAddress> find(Long ticketId, ChatAddress chat) {
        return jdbc.query("SELECT thread_id FROM customer_topics WHERE ticket_id = ? AND channel = ? AND chat_id = ?",
                (rs, row) -> new ChatAddress(chat.channel(), chat.chatId(), rs.getString(1)),
                ticketId, chat.channel().name(), chat.chatId()).stream().findFirst();
    }

    /** The number of the ticket whose topic this is; empty for a chat's main thread or a topic the bot did not make. */
    @Transactional(readOnly = true)
    public Optional<TicketNumber> ticketIn(ChatAddress topic) {
        if (topic.threadId() == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("""
                SELECT t.number FROM customer_topics c JOIN tickets t ON t.id = c.ticket_id
                WHERE c.channel = ? AND c.chat_id = ? AND c.thread_id = ?
                """, Long.class, topic.channel().name(), topic.chatId(), topic.threadId()).stream().findFirst().map(TicketNumber::new);
    }

    /** The ticket's topic is now {@code topic} (made for the first time, or again after the customer deleted it). */
    @Transactional
    public void record(Long ticketId, ChatAddress topic) {
        int moved = jdbc.update("UPDATE customer_topics SET channel = ?, chat_id = ?, thread_id = ? WHERE ticket_id = ?",
                topic.channel().name(), topic.chatId(), topic.threadId(), ticketId);
        if (moved == 0) {
            jdbc.update("INSERT INTO customer_topics (ticket_id, channel, chat_id, thread_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    ticketId, topic.channel().name(), topic.chatId(), topic.threadId(), java.sql.Timestamp.from(clock.instant()));
        }
    }
}
