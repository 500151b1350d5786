package com.careregistry.core.ticket;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
 * A customer's request for help. Guards its own status transitions: OPEN (no agent) → ASSIGNED → RESOLVED → CLOSED,
 * and RESOLVED → ASSIGNED when the customer writes again. Anything else is refused with a {@link DomainException} that names the reason.
 */
@Entity
@Table(name = "tickets")
public class Ticket extends AbstractAggregateRoot<Ticket> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @org.hibernate.annotations.NaturalId   // unique, never changed: a ticket the persistence context holds is found by it
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

    @Embedded
    private Description description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Column(name = "agent_id")
    private Long agentId;

    @Embedded
    private Timeline timeline;

    @Embedded
    private Rating rating;

    @Version
    private long version;

    protected Ticket() {
    }

    /** A new ticket; {@code openingMessageId}: the customer's message that opened it, as its platform knows it (none for a form). */
    static Ticket open(TicketNumber number, Long customerId, Long categoryId, Channel channel, String description, String openingMessageId,
                       Instant now) {
        Ticket ticket = new Ticket();
        ticket.number = number.value();
        ticket.customerId = Objects.requireNonNull(customerId);
        ticket.categoryId = Objects.requireNonNull(categoryId);
        ticket.channel = channel;
        ticket.description = new Description(description, openingMessageId);
        ticket.status = TicketStatus.OPEN;
        ticket.timeline = Timeline.openedAt(now);
        ticket.registerEvent(new TicketEvents.TicketOpened(ticket));
        return ticket;
    }

    /** An agent takes an unassigned ticket for themselves; one someone already has is refused. */
    void claim(Long byAgentId, Instant now) {
        require(agentId == null, Objects.equals(agentId, byAgentId) ? "ticket.claim.already-yours" : "ticket.claim.taken");
        assign(byAgentId, now);
    }

    /** An admin assigns (or reassigns) an agent. */
    void assign(Long newAgentId, Instant now) {
        Objects.requireNonNull(newAgentId);
        require(status != TicketStatus.CLOSED, "ticket.assign.closed");
        require(!newAgentId.equals(agentId), "ticket.assign.same-agent");
        Long previous = agentId;
        agentId = newAgentId;
        if (status == TicketStatus.OPEN) {
            status = TicketStatus.ASSIGNED;
        }
        timeline.activity(now);
        registerEvent(new TicketEvents.AgentAssigned(this, newAgentId, previous));
    }

    /** The customer wrote; a resolved ticket reopens. */
    TicketMessage customerWrote(MessageContent content, Instant now) {
        require(status != TicketStatus.CLOSED, "ticket.closed");
        if (status == TicketStatus.RESOLVED) {
            status = TicketStatus.ASSIGNED;
            timeline.reopened();
            registerEvent(new TicketEvents.TicketReopened(this));
        }
        timeline.activity(now);
        return customerPosted(content, now);
    }

    /** As {@link #customerWrote} on an open or assigned ticket, its row left as it is: the caller writes its activity. */
    TicketMessage customerWroteWithActivityApart(MessageContent content, Instant now) {
        require(status.inProgress(), "ticket.closed");
        return customerPosted(content, now);
    }

    private TicketMessage customerPosted(MessageContent content, Instant now) {
        TicketMessage message = new TicketMessage(id, AuthorType.CUSTOMER, null, content, now);
        return registerEvent(new TicketEvents.CustomerMessagePosted(this, message)).message();
    }

    /** The customer edited their opening message: the description (and subject, its first line) follows; closed: refused. */
    Optional<TicketDescriptionEdit> descriptionEdited(String newText, Instant now) {
        require(status != TicketStatus.CLOSED, "ticket.closed");
        return description.edit(newText).map(previous -> {
            registerEvent(new TicketEvents.DescriptionEdited(this, previous));
            return new TicketDescriptionEdit(id, previous, now);
        });
    }

    /** The customer, or the agent {@code byAgentId}, edited a message of theirs: the earlier text is kept. */
    TicketMessageEdit edited(TicketMessage message, Long byAgentId, String newText, Instant now) {
        TicketMessageEdit edit = message.edited(id, byAgentId, newText, now);
        registerEvent(byAgentId == null ? new TicketEvents.CustomerMessageEdited(this, message, edit.previousBody())
                : new TicketEvents.AgentMessageEdited(this, message, edit.previousBody()));
        return edit;
    }

    /** The assigned agent writes to the customer; on an unassigned ticket any agent may, and it is theirs from then on. */
    TicketMessage agentWrote(Long byAgentId, MessageContent content, Instant now) {
        require(status != TicketStatus.CLOSED, "ticket.closed");
        if (agentId == null) {
            assign(byAgentId, now);
        } else if (!agentId.equals(byAgentId)) {
            throw refused("ticket.not-assigned-to-you");
        }
        timeline.answered(now);
        TicketMessage message = new TicketMessage(id, AuthorType.AGENT, byAgentId, content, now);
        registerEvent(new TicketEvents.AgentMessagePosted(this, message));
        return message;
    }

    void resolve(Long byAgentId, Instant now) {
        require(status == TicketStatus.ASSIGNED, "ticket.resolve.not-assigned");
        require(agentId.equals(byAgentId), "ticket.not-assigned-to-you");
        status = TicketStatus.RESOLVED;
        timeline.resolved(now);
        registerEvent(new TicketEvents.TicketResolved(this, byAgentId));
    }

    void close(TicketEvents.Closer by, Instant now) {
        require(status != TicketStatus.CLOSED, "ticket.already-closed");
        TicketStatus before = status;
        status = TicketStatus.CLOSED;
        timeline.closed(now);
        registerEvent(new TicketEvents.TicketClosed(this, by, before));
    }

    void rate(int stars, String comment, Instant now) {
        require(status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED, "ticket.rate.not-finished");
        require(rating == null, "ticket.rate.already");
        rating = Rating.of(stars, comment, now);
        registerEvent(new TicketEvents.TicketRated(this, stars, rating.comment()));
    }

    /** The optional comment that follows a rating, once. */
    void commentOnRating(String comment, Instant now) {
        require(rating != null, "ticket.rate.not-yet");
        require(!rating.hasComment(), "ticket.rate.already");
        rating = rating.withComment(comment);
        timeline.activity(now);
        registerEvent(new TicketEvents.TicketRated(this, rating.stars(), rating.comment()));
    }

    /** A rule of the ticket's life: when it does not hold, the change is refused with this reason. */
    private void require(boolean rule, String refusal) {
        if (!rule) {
            throw refused(refusal);
        }
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
        return description.subject();
    }

    /** The customer's message that opened the ticket, as its platform knows it; null when a form opened it. */
    public String openingMessageId() {
        return description.openingMessageId();
    }

    public String description() {
        return description.text();
    }

    public TicketStatus status() {
        return status;
    }

    public Long agentId() {
        return agentId;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Empty until the customer rates the ticket. */
    public Optional<Rating> rating() {
        return Optional.ofNullable(rating);
    }
}
