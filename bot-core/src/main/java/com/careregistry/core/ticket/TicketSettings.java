package com.careregistry.core.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tickets are opened and closed.
 *
 * @param autoAssign     give each new ticket to the least-loaded active agent of its category (NFR-4)
 * @param maxOpen        {@code CAREREGISTRY_TICKETS_MAX_OPEN}: a customer has at most this many tickets
 *                       not yet resolved; 0 for no limit
 * @param maxPerHour     {@code CAREREGISTRY_TICKETS_MAX_PER_HOUR}: a customer opens at most this many
 *                       tickets in any hour; 0 for no limit
 * @param autoCloseAfter {@code CAREREGISTRY_TICKETS_AUTO_CLOSE_AFTER}: a resolved ticket the customer
 *                       has not answered for this long is closed (and they are asked for a rating);
 *                       0 to keep resolved tickets open
 * @param agentLimit     {@code CAREREGISTRY_TICKETS_AGENT_LIMIT}: with auto-assignment, the most
 *                       tickets an agent is given at once unless an admin set their own limit; a
 *                       ticket waits when every agent of its category is at their limit, and the
 *                       oldest waiting one goes to the first agent who frees up
 * @param transcriptOnClose {@code CAREREGISTRY_TICKETS_TRANSCRIPT_ON_CLOSE}: a closed ticket's whole
 *                       conversation is emailed to its customer when they verified an address
 */
@ConfigurationProperties("careregistry.tickets")
public record TicketSettings(@DefaultValue("false") boolean autoAssign, @DefaultValue("5") int maxOpen,
                             @DefaultValue("10") int maxPerHour, @DefaultValue("7d") Duration autoCloseAfter,
                             @DefaultValue("false") boolean transcriptOnClose, @DefaultValue("10") int agentLimit) {

    public TicketSettings {
        if (maxOpen < 0 || maxPerHour < 0 || autoCloseAfter.isNegative() || agentLimit < 1) {
            throw new IllegalArgumentException("careregistry.tickets: limits and auto-close-after cannot be negative");
        }
    }
}
