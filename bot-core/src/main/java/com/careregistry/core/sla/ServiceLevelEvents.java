package com.careregistry.core.sla;

import com.careregistry.core.sla.ServiceLevel.Target;
import com.careregistry.core.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;

/** What the service-level watch found; notifications tell staff and admins. */
public final class ServiceLevelEvents {

    private ServiceLevelEvents() {
    }

    /** A target of a ticket is due soon ({@code careregistry.sla.remind-before} ahead). */
    public record DueSoon(Ticket ticket, Target target, Instant due, Duration left) {
    }

    /** A ticket has missed a target: its due time passed without the answer or the resolution. */
    public record Breached(Ticket ticket, Target target, Instant due) {
    }
}
