package com.careregistry.core.ticket;

import com.careregistry.core.common.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The limits that keep one customer from flooding the desk: at most {@code maxOpen} tickets waiting
 * for an answer (open or assigned), at most {@code maxPerHour} opened in any hour. A refusal says
 * what the customer can do, and for the hourly limit, in how many minutes.
 */
@Component
class TicketLimits {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Tickets tickets;
    private final TicketSettings settings;
    private final Clock clock;

    TicketLimits(Tickets tickets, TicketSettings settings, Clock clock) {
        this.tickets = tickets;
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses (a {@link DomainException}) when this customer may not open a ticket now. */
    void check(Long customerId) {
        if (settings.maxOpen() > 0 && tickets.countWaitingOfCustomer(customerId) >= settings.maxOpen()) {
            throw new DomainException("ticket.limit.open", settings.maxOpen());
        }
        if (settings.maxPerHour() > 0) {
            Instant now = clock.instant();
            List<Instant> lastHour = tickets.openedSince(customerId, now.minus(HOUR));
            if (lastHour.size() >= settings.maxPerHour()) {
                // the next one may be opened when enough of these have left the hour
                Instant free = lastHour.get(lastHour.size() - settings.maxPerHour()).plus(HOUR);
                long minutes = Math.max(1, (Duration.between(now, free).toSeconds() + 59) / 60);
                throw new DomainException("ticket.limit.per-hour", settings.maxPerHour(), minutes);
            }
        }
    }
}
