package com.careregistry.core.ticket;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import java.util.List;
import java.util.Objects;

/**
 * C4: a customer opens a ticket with a detailed description of their problem.
 *
 * @param categoryId the chosen category, or null to let the service pick the only active one
 */
public record OpenTicketCommand(Long customerId, Long categoryId, String description, List<Attachment> attachments,
                                Channel channel, String externalMessageId) {

    public static final int MAX_DESCRIPTION_LENGTH = MessageContent.MAX_TEXT_LENGTH;

    public OpenTicketCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        if (description == null || description.isBlank()) {
            throw new DomainException("ticket.query.empty");
        }
        description = description.strip();
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new DomainException("ticket.query.too-long", MAX_DESCRIPTION_LENGTH, description.length());
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OpenTicketCommand(Long customerId, Long categoryId, String description, Channel channel) {
        this(customerId, categoryId, description, List.of(), channel, null);
    }
}
