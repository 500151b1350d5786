package com.careregistry.core.ticket;

import com.careregistry.core.common.DomainException;

/** A ticket refused a change its status does not allow; the text names the ticket. */
public class TicketStateException extends DomainException {

    private final TicketStatus status;

    TicketStateException(String textKey, TicketNumber number, TicketStatus status) {
        super(textKey, number.toString());
        this.status = status;
    }

    public TicketStatus status() {
        return status;
    }
}
