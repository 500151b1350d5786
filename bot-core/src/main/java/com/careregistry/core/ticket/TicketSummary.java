package com.careregistry.core.ticket;

import java.time.Instant;
import java.util.Optional;

/** A ticket as a line of a list: number, subject, status and the assigned agent's first name. */
public record TicketSummary(Long ticketId, long numberValue, String subject, TicketStatus status, String agentFirstName,
                            Instant openedAt, Instant lastActivityAt) {

    public TicketNumber number() {
        return new TicketNumber(numberValue);
    }

    /** Empty when no agent is assigned yet (shown as {@code N/A}). */
    public Optional<String> agent() {
        return Optional.ofNullable(agentFirstName);
    }
}
