package com.careregistry.core.staff;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The thread in which staff talk about one ticket on one platform. */
@Entity
@Table(name = "staff_threads")
public class StaffThread {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "chat_id", nullable = false)
    private String chatId;

    @Column(name = "thread_id", nullable = false)
    private String threadId;

    /** The title the thread was last given, to rename it only when the ticket's status changed. */
    private String title;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StaffThread() {
    }

    StaffThread(Long ticketId, ChatAddress thread, String title, Instant now) {
        this.title = title;
        this.ticketId = ticketId;
        this.channel = thread.channel();
        this.chatId = thread.chatId();
        this.threadId = thread.threadId();
        this.createdAt = now;
    }

    public Long ticketId() {
        return ticketId;
    }

    public ChatAddress address() {
        return new ChatAddress(channel, chatId, threadId);
    }

    public String title() {
        return title;
    }

    void moveTo(ChatAddress thread, String title) {
        this.chatId = thread.chatId();
        this.threadId = thread.threadId();
        this.title = title;
    }

    void retitle(String title) {
        this.title = title;
    }
}
