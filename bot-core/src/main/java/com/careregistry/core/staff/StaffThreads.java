package com.careregistry.core.staff;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which staff thread belongs to which ticket. A sender records the thread it made for a ticket;
 * an adapter finds the ticket a staff message was written in.
 */
@Service
public class StaffThreads {

    private final StaffThreadRepository threads;
    private final Clock clock;

    public StaffThreads(StaffThreadRepository threads, Clock clock) {
        this.threads = threads;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ChatAddress> threadOf(Long ticketId, Channel channel) {
        return threads.findByTicketIdAndChannel(ticketId, channel).map(StaffThread::address);
    }

    @Transactional(readOnly = true)
    public Optional<Long> ticketIn(ChatAddress thread) {
        if (thread.threadId() == null) {
            return Optional.empty();
        }
        return threads.findByChannelAndChatIdAndThreadId(thread.channel(), thread.chatId(), thread.threadId())
                .map(StaffThread::ticketId);
    }

    /** The ticket's thread on this platform is now {@code thread} (made for the first time, or again). */
    @Transactional
    public void record(Long ticketId, ChatAddress thread) {
        threads.findByTicketIdAndChannel(ticketId, thread.channel())
                .ifPresentOrElse(existing -> existing.moveTo(thread),
                        () -> threads.save(new StaffThread(ticketId, thread, clock.instant())));
    }
}
