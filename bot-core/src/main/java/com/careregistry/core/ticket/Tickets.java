package com.careregistry.core.ticket;

import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Tickets extends JpaRepository<Ticket, Long>, TicketsByNumber {

    @Query("select t from Ticket t where t.number = :number")
    Optional<Ticket> findByNumber(long number);

    Optional<Ticket> findFirstByChannelAndDescription_OpeningMessageIdAndCustomerId(Channel channel, String openingMessageId, Long customerId);

    @Query("""
            select new com.careregistry.core.ticket.TicketSummary(t.id, t.number, t.description.subject, t.status, a.firstName, t.timeline.openedAt, t.timeline.lastActivityAt)
            from Ticket t left join com.careregistry.core.agent.Agent a on a.id = t.agentId
            where t.customerId = :customerId
            order by t.timeline.openedAt desc, t.id desc
            """)
    List<TicketSummary> summariesOfCustomer(Long customerId, Pageable page);

    /** All the customer's tickets that are not closed, however old (a customer has few of them open). */
    @Query("""
            select new com.careregistry.core.ticket.TicketSummary(t.id, t.number, t.description.subject, t.status, a.firstName, t.timeline.openedAt, t.timeline.lastActivityAt)
            from Ticket t left join com.careregistry.core.agent.Agent a on a.id = t.agentId
            where t.customerId = :customerId and t.status <> com.careregistry.core.ticket.TicketStatus.CLOSED
            order by t.timeline.lastActivityAt desc, t.id desc
            """)
    List<TicketSummary> openSummariesOfCustomer(Long customerId);

    @Query("""
            select new com.careregistry.core.ticket.TicketSummary(t.id, t.number, t.description.subject, t.status, a.firstName, t.timeline.openedAt, t.timeline.lastActivityAt)
            from Ticket t left join com.careregistry.core.agent.Agent a on a.id = t.agentId
            where t.status = com.careregistry.core.ticket.TicketStatus.OPEN
            order by t.timeline.openedAt asc, t.id asc
            """)
    List<TicketSummary> unassignedOldestFirst(Pageable page);

    @Query("""
            select new com.careregistry.core.ticket.TicketSummary(t.id, t.number, t.description.subject, t.status, a.firstName, t.timeline.openedAt, t.timeline.lastActivityAt)
            from Ticket t join com.careregistry.core.agent.Agent a on a.id = t.agentId
            where t.agentId = :agentId
            order by t.timeline.lastActivityAt desc, t.id desc
            """)
    List<TicketSummary> summariesOfAgent(Long agentId, Pageable page);

    @Query("""
            select t from Ticket t
            where t.customerId = :customerId
              and t.status <> com.careregistry.core.ticket.TicketStatus.CLOSED
            order by t.timeline.lastActivityAt desc, t.id desc
            """)
    List<Ticket> notClosedOfCustomer(Long customerId);

    @Query(value = "SELECT NEXT VALUE FOR ticket_numbers", nativeQuery = true)
    long nextNumber();

    /** The customer's tickets waiting for an answer (open or assigned): what the open-ticket limit counts. */
    @Query("""
            select count(t) from Ticket t where t.customerId = :customerId
              and t.status in (com.careregistry.core.ticket.TicketStatus.OPEN, com.careregistry.core.ticket.TicketStatus.ASSIGNED)
            """)
    long countWaitingOfCustomer(Long customerId);

    /** When the customer opened the tickets they opened since {@code since}, oldest first. */
    @Query("select t.timeline.openedAt from Ticket t where t.customerId = :customerId and t.timeline.openedAt > :since order by t.timeline.openedAt")
    List<java.time.Instant> openedSince(Long customerId, java.time.Instant since);

    /** Resolved tickets resolved before {@code cutoff}, the oldest first. */
    @Query("""
            select t.id from Ticket t where t.status = com.careregistry.core.ticket.TicketStatus.RESOLVED
              and t.timeline.resolvedAt < :cutoff order by t.timeline.resolvedAt
            """)
    List<Long> resolvedBefore(java.time.Instant cutoff, Pageable page);

    /** The open ticket that has waited longest for an agent, among these categories. */
    @Query("""
            select t from Ticket t where t.status = com.careregistry.core.ticket.TicketStatus.OPEN
              and t.categoryId in :categoryIds order by t.timeline.openedAt, t.id
            """)
    List<Ticket> waitingIn(java.util.Collection<Long> categoryIds, Pageable page);

    @Query("select count(t) from Ticket t where t.agentId = :agentId and t.status = com.careregistry.core.ticket.TicketStatus.ASSIGNED")
    long countAssignedTo(Long agentId);
}
