package com.careregistry.core.ticket;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.UserText;
import com.careregistry.core.ticket.TicketEvents.AgentAssigned;
import com.careregistry.core.ticket.TicketEvents.AgentMessagePosted;
import com.careregistry.core.ticket.TicketEvents.Closer;
import com.careregistry.core.ticket.TicketEvents.CustomerMessagePosted;
import com.careregistry.core.ticket.TicketEvents.TicketClosed;
import com.careregistry.core.ticket.TicketEvents.TicketOpened;
import com.careregistry.core.ticket.TicketEvents.TicketRated;
import com.careregistry.core.ticket.TicketEvents.TicketReopened;
import com.careregistry.core.ticket.TicketEvents.TicketResolved;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A customer's request for help. Guards its own status transitions:
 * OPEN (no agent) → ASSIGNED → RESOLVED → CLOSED, and RESOLVED → ASSIGNED when the customer
 * writes again. Anything else is refused with a {@link DomainException} that names the reason.
 */
@Entity
@Table(name = "tickets")
public class Ticket extends AbstractAggregateRoot<Ticket> {

    public static final int MAX_SUBJECT_LENGTH = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long number;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "category_id", nullable = false)
    private Long categoryId;

    /** The channel the customer opened it from, where we answer them. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String description;

    /** The platform's id of the message whose text became the description (so its edits are known). */
    @Column(name = "opening_message_id")
    private String openingMessageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    private Integer rating;

    @Column(name = "rating_comment")
    private String ratingComment;

    @Column(name = "rated_at")
    private Instant ratedAt;

    @Version
    private long version;

    protected Ticket() {
    }

    static Ticket open(TicketNumber number, Long customerId, Long categoryId, Channel channel, String description, Instant now) {
        Ticket ticket = new Ticket();
        ticket.number = number.value();
        ticket.customerId = Objects.requireNonNull(customerId);
        ticket.categoryId = Objects.requireNonNull(categoryId);
        ticket.channel = channel;
        ticket.description = description;
        ticket.subject = subjectOf(description);
        ticket.status = TicketStatus.OPEN;
        ticket.openedAt = now;
        ticket.lastActivityAt = now;
        ticket.registerEvent(new TicketOpened(ticket));
        return ticket;
    }

    /** The first line of the description, cleaned as a label ({@link UserText}), shortened to fit a list. */
    static String subjectOf(String description) {
        String firstLine = UserText.label(description.strip().lines().findFirst().orElse(""));
        if (firstLine.length() <= MAX_SUBJECT_LENGTH) {
            return firstLine;
        }
        String cut = firstLine.substring(0, MAX_SUBJECT_LENGTH - 1);
        int space = cut.lastIndexOf(' ');
        if (space > MAX_SUBJECT_LENGTH / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }

    /** An agent takes an unassigned ticket for themselves; one someone already has is refused. */
    void claim(Long byAgentId, Instant now) {
        if (agentId != null) {
            throw refused(assignedTo(byAgentId) ? "ticket.claim.already-yours" : "ticket.claim.taken");
        }
        assign(byAgentId, now);
    }

    /** An admin assigns (or reassigns) an agent. */
    void assign(Long newAgentId, Instant now) {
        Objects.requireNonNull(newAgentId);
        if (status == TicketStatus.CLOSED) {
            throw refused("ticket.assign.closed");
        }
        if (newAgentId.equals(agentId)) {
            throw refused("ticket.assign.same-agent");
        }
        Long previous = agentId;
        agentId = newAgentId;
        if (status == TicketStatus.OPEN) {
            status = TicketStatus.ASSIGNED;
        }
        lastActivityAt = now;
        registerEvent(new AgentAssigned(this, newAgentId, previous));
    }

    TicketMessage customerWrote(MessageContent content, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw refused("ticket.closed");
        }
        if (status == TicketStatus.RESOLVED) {
            status = TicketStatus.ASSIGNED;
            resolvedAt = null;
            registerEvent(new TicketReopened(this));
        }
        lastActivityAt = now;
        TicketMessage message = new TicketMessage(id, AuthorType.CUSTOMER, null, content, now);
        registerEvent(new CustomerMessagePosted(this, message));
        return message;
    }

    /** The customer changed the text of one of their messages; the earlier text is kept. */
    /** The message that opened the ticket, as its platform knows it (none for a form). */
    void openedBy(String externalMessageId) {
        this.openingMessageId = externalMessageId;
    }

    /**
     * The customer edited the message that opened the ticket: the description follows, and the
     * subject with it (the subject is the description's first line), the earlier one kept. A closed
     * ticket is refused; the same text again changes nothing.
     */
    Optional<TicketDescriptionEdit> descriptionEdited(String newText, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw refused("ticket.closed");
        }
        if (newText.equals(description)) {
            return Optional.empty();
        }
        String previous = description;
        description = newText;
        subject = subjectOf(newText);
        registerEvent(new TicketEvents.DescriptionEdited(this, previous));
        return Optional.of(new TicketDescriptionEdit(id, previous, now));
    }

    TicketMessageEdit customerEdited(TicketMessage message, String newText, Instant now) {
        if (message.authorType() != AuthorType.CUSTOMER || !message.ticketId().equals(id)) {
            throw new DomainException("message.not-yours");
        }
        String previous = message.edit(newText, now);
        registerEvent(new TicketEvents.CustomerMessageEdited(this, message, previous));
        return new TicketMessageEdit(message.id(), previous, now);
    }

    /**
     * The assigned agent writes to the customer; on an unassigned ticket any agent may, and the
     * ticket is theirs from then on.
     */
    TicketMessage agentWrote(Long byAgentId, MessageContent content, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw refused("ticket.closed");
        }
        if (agentId == null) {
            assign(byAgentId, now);
        } else if (!agentId.equals(byAgentId)) {
            throw refused("ticket.not-assigned-to-you");
        }
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        lastActivityAt = now;
        TicketMessage message = new TicketMessage(id, AuthorType.AGENT, byAgentId, content, now);
        registerEvent(new AgentMessagePosted(this, message));
        return message;
    }

    void resolve(Long byAgentId, Instant now) {
        if (status != TicketStatus.ASSIGNED) {
            throw refused("ticket.resolve.not-assigned");
        }
        if (!agentId.equals(byAgentId)) {
            throw refused("ticket.not-assigned-to-you");
        }
        status = TicketStatus.RESOLVED;
        resolvedAt = now;
        lastActivityAt = now;
        registerEvent(new TicketResolved(this, byAgentId));
    }

    void close(Closer by, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw refused("ticket.already-closed");
        }
        TicketStatus before = status;
        status = TicketStatus.CLOSED;
        closedAt = now;
        lastActivityAt = now;
        registerEvent(new TicketClosed(this, by, before));
    }

    void rate(int stars, String comment, Instant now) {
        if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
            throw refused("ticket.rate.not-finished");
        }
        if (rating != null) {
            throw refused("ticket.rate.already");
        }
        if (stars < 1 || stars > 5) {
            throw new DomainException("ticket.rate.range");
        }
        rating = stars;
        ratingComment = comment == null || comment.isBlank() ? null : comment.strip();
        ratedAt = now;
        registerEvent(new TicketRated(this, stars, ratingComment));
    }

    /** The optional comment that follows a rating, once. */
    void commentOnRating(String comment, Instant now) {
        if (rating == null) {
            throw refused("ticket.rate.not-yet");
        }
        if (ratingComment != null) {
            throw refused("ticket.rate.already");
        }
        if (comment == null || comment.isBlank()) {
            throw new DomainException("message.empty");
        }
        ratingComment = comment.strip();
        lastActivityAt = now;
        registerEvent(new TicketRated(this, rating, ratingComment));
    }

    private DomainException refused(String key) {
        return new TicketStateException(key, number(), status);
    }

    public Long id() {
        return id;
    }

    public TicketNumber number() {
        return new TicketNumber(number);
    }

    public Long customerId() {
        return customerId;
    }

    public Long categoryId() {
        return categoryId;
    }

    public Channel channel() {
        return channel;
    }

    public String subject() {
        return subject;
    }

    public String description() {
        return description;
    }

    public TicketStatus status() {
        return status;
    }

    public Long agentId() {
        return agentId;
    }

    public boolean assignedTo(Long someAgentId) {
        return agentId != null && agentId.equals(someAgentId);
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Integer rating() {
        return rating;
    }

    public String ratingComment() {
        return ratingComment;
    }
}
