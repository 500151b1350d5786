package com.careregistry.core.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The text a message had before its author edited it. */
@Entity
@Table(name = "ticket_message_edits")
public class TicketMessageEdit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false)
    private Long messageId;

    @Column(name = "previous_body", columnDefinition = "TEXT")
    private String previousBody;

    @Column(name = "edited_at", nullable = false)
    private Instant editedAt;

    protected TicketMessageEdit() {
    }

    TicketMessageEdit(Long messageId, String previousBody, Instant editedAt) {
        this.messageId = messageId;
        this.previousBody = previousBody;
        this.editedAt = editedAt;
    }

    public Long messageId() {
        return messageId;
    }

    public String previousBody() {
        return previousBody;
    }

    public Instant editedAt() {
        return editedAt;
    }
}
