package com.careregistry.core.ticket;

/** OPEN (no agent) → ASSIGNED → RESOLVED → CLOSED; a customer message on RESOLVED reopens to ASSIGNED. */
public enum TicketStatus {
    OPEN,
    ASSIGNED,
    RESOLVED,
    CLOSED;

    public String textKey() {
        return "ticket.status." + name().toLowerCase();
    }
}
