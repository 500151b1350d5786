package com.careregistry.core.ticket;

/** OPEN (no agent) → ASSIGNED → RESOLVED → CLOSED; a customer message on RESOLVED reopens to ASSIGNED. */
public enum TicketStatus {
    OPEN,
    ASSIGNED,
    RESOLVED,
    CLOSED;

    /** Open or assigned: neither resolved nor closed, so a customer's message changes nothing but its activity. */
    public boolean inProgress() {
        return this == OPEN || this == ASSIGNED;
    }

    public String textKey() {
        return "ticket.status." + name().toLowerCase();
    }
}
