package com.careregistry.core.ticket;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One message of a ticket's conversation, by the customer, an agent or the system. */
@Entity
@Table(name = "ticket_messages")
public class TicketMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_type", nullable = false)
    private AuthorType authorType;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(columnDefinition = "TEXT")
    private String body;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    /** The platform's id of the message it came as, so an edit or a reply-to can be mapped. */
    @Column(name = "external_message_id")
    private String externalMessageId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ticket_message_attachments", joinColumns = @JoinColumn(name = "message_id"))
    @OrderColumn(name = "position")
    private List<Attachment> attachments = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    protected TicketMessage() {
    }

    TicketMessage(Long ticketId, AuthorType authorType, Long agentId, MessageContent content, Instant now) {
        this.ticketId = ticketId;
        this.authorType = authorType;
        this.agentId = agentId;
        this.body = content.text();
        this.channel = content.channel();
        this.externalMessageId = content.externalMessageId();
        this.attachments = new ArrayList<>(content.attachments());
        this.createdAt = now;
    }

    /** Its author (the customer, or the agent {@code byAgentId}) edited it: the earlier text is what the edit keeps. */
    TicketMessageEdit edited(Long ofTicketId, Long byAgentId, String newText, Instant now) {
        boolean theirs = byAgentId == null ? authorType == AuthorType.CUSTOMER : authorType == AuthorType.AGENT && byAgentId.equals(agentId);
        if (!theirs || !ticketId.equals(ofTicketId)) {
            throw new DomainException("message.not-yours");
        }
        TicketMessageEdit edit = new TicketMessageEdit(id, body, now);
        this.body = newText;
        this.editedAt = now;
        return edit;
    }

    public Long id() {
        return id;
    }

    public Long ticketId() {
        return ticketId;
    }

    public AuthorType authorType() {
        return authorType;
    }

    public Long agentId() {
        return agentId;
    }

    public String body() {
        return body == null ? "" : body;
    }

    public Channel channel() {
        return channel;
    }

    public String externalMessageId() {
        return externalMessageId;
    }

    public List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant editedAt() {
        return editedAt;
    }
}
