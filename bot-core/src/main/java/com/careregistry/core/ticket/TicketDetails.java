package com.careregistry.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One ticket as its customer (or an agent) sees it, with the newest messages of its conversation. */
public record TicketDetails(Long ticketId, TicketNumber number, String subject, String description, TicketStatus status,
                            String categoryName, String agentFirstName, Instant openedAt, Integer rating,
                            List<MessageView> lastMessages, Long categoryId, Long agentId, Long customerId,
                            String customerName, com.careregistry.core.common.Channel channel, String ratingComment) {

    /** Empty when no agent is assigned yet (shown as {@code N/A}). */
    public Optional<String> agent() {
        return Optional.ofNullable(agentFirstName);
    }
}
