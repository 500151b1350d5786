package com.careregistry.core.staff;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.common.UserText;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.Tickets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which staff thread belongs to which ticket, and what it is called. A sender records the thread
 * it made for a ticket and renames it when the ticket's status changed; an adapter finds the
 * ticket a staff message was written in.
 */
@Service
public class StaffThreads {

    /** Telegram allows 128 characters in a topic name, Discord 100 in a thread name. */
    public static final int MAX_TITLE_LENGTH = 100;

    private final StaffThreadRepository threads;
    private final Tickets tickets;
    private final Texts texts;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    public StaffThreads(StaffThreadRepository threads, Tickets tickets, Texts texts, Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.threads = threads;
        this.tickets = tickets;
        this.texts = texts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ChatAddress> threadOf(Long ticketId, Channel channel) {
        return threads.findByTicketIdAndChannel(ticketId, channel).map(StaffThread::address);
    }

    /** A ticket's thread on a platform, as a message to it needs it: where it is, and what it is called. */
    public record KnownThread(ChatAddress address, String title) {
    }

    /**
     * The ticket's thread on this platform, if it has one. Read with one plain query: every message to
     * staff asks this, so it goes without the persistence context's bookkeeping.
     */
    public Optional<KnownThread> find(Long ticketId, Channel channel) {
        return jdbc.query("SELECT chat_id, thread_id, title FROM staff_threads WHERE ticket_id = ? AND channel = ?",
                (rs, row) -> new KnownThread(new ChatAddress(channel, rs.getString(1), rs.getString(2)), rs.getString(3)),
                ticketId, channel.name()).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Long> ticketIn(ChatAddress thread) {
        if (thread.threadId() == null) {
            return Optional.empty();
        }
        return threads.findByChannelAndChatIdAndThreadId(thread.channel(), thread.chatId(), thread.threadId())
                .map(StaffThread::ticketId);
    }

    /** What the ticket's thread should be called now: its number and subject, marked with its status. */
    @Transactional(readOnly = true)
    public String titleFor(Long ticketId) {
        return titleOf(tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("ticket.not-found", "?")));
    }

    /** As {@link #titleFor}, for a ticket at hand. */
    public String titleOf(Ticket ticket) {
        String title = texts.get("en", "staff.thread.title." + ticket.status().name().toLowerCase(),
                ticket.number().toString(), UserText.isolate(ticket.subject()));
        return title.length() <= MAX_TITLE_LENGTH ? title : title.substring(0, MAX_TITLE_LENGTH - 1) + "…";
    }

    /** The ticket's thread on this platform is now {@code thread} (made for the first time, or again). */
    @Transactional
    public void record(Long ticketId, ChatAddress thread, String title) {
        forgetAfterCommit(ticketId, thread.channel());
        threads.findByTicketIdAndChannel(ticketId, thread.channel())
                .ifPresentOrElse(existing -> existing.moveTo(thread, title),
                        () -> threads.save(new StaffThread(ticketId, thread, title, clock.instant())));
    }

    /** The ticket's thread on this platform was renamed to {@code title}. */
    @Transactional
    public void retitled(Long ticketId, Channel channel, String title) {
        forgetAfterCommit(ticketId, channel);
        threads.findByTicketIdAndChannel(ticketId, channel).ifPresent(thread -> thread.retitle(title));
    }

    /**
     * As {@link #find(Long, Channel)}, for a ticket at hand, remembered by this instance: every message
     * to staff about a ticket asks this, and a ticket's thread changes only when a sender makes it
     * again or renames it (here, or on another instance: then a sender finds the thread gone, or
     * renames it once more, and reads the database). Remembered with the ticket's number, which is
     * never used twice, so a ticket id a wiped database gives out again never finds another's thread.
     */
    public Optional<KnownThread> find(Ticket ticket, Channel channel) {
        String key = ticket.id() + ":" + channel;
        Remembered hit = remembered.get(key);
        if (hit != null && hit.number() == ticket.number().value()) {
            return Optional.of(hit.thread());
        }
        Optional<KnownThread> found = find(ticket.id(), channel);
        found.ifPresent(thread -> remembered.put(key, new Remembered(ticket.number().value(), thread)));
        return found;
    }

    private record Remembered(long number, KnownThread thread) {
    }

    /** The threads this instance knows, the most recently used kept. */
    private final Map<String, Remembered> remembered = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    });
    private static final int REMEMBERED = 10_000;

    /** Forgets a thread once the change to it committed (a thread read before then would be the old one). */
    private void forgetAfterCommit(Long ticketId, Channel channel) {
        String key = ticketId + ":" + channel;
        remembered.remove(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    remembered.remove(key);
                }
            });
        }
    }
}
