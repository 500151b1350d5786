package com.careregistry.core.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The description a ticket had before the customer edited the message that opened it. */
@Entity
@Table(name = "ticket_description_edits")
public class TicketDescriptionEdit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(name = "previous_description", nullable = false, columnDefinition = "TEXT")
    private String previousDescription;

    @Column(name = "edited_at", nullable = false)
    private Instant editedAt;

    protected TicketDescriptionEdit() {
    }

    TicketDescriptionEdit(Long ticketId, String previousDescription, Instant editedAt) {
        this.ticketId = ticketId;
        this.previousDescription = previousDescription;
        this.editedAt = editedAt;
    }

    public Long ticketId() {
        return ticketId;
    }

    public String previousDescription() {
        return previousDescription;
    }

    public Instant editedAt() {
        return editedAt;
    }
}
