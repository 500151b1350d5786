package com.careregistry.core.ticket;

import com.careregistry.core.ticket.TicketEvents.Closer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resolved ticket its customer has not answered for {@code autoCloseAfter} is closed, and the
 * customer is asked for a rating (the closing notice carries the stars). A customer who writes
 * before then reopens it, and it is not closed. Every instance fires the job
 * ({@code CAREREGISTRY_TICKETS_AUTO_CLOSE_CRON}, every ten minutes); one runs it.
 */
@Component
public class AutoClose {

    private static final Logger log = LoggerFactory.getLogger(AutoClose.class);
    /** Tickets closed in one run at most; the next run takes the rest. */
    private static final int PER_RUN = 500;

    private final Tickets tickets;
    private final TicketSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    AutoClose(Tickets tickets, TicketSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${careregistry.tickets.auto-close-cron:0 */10 * * * *}")
    @SchedulerLock(name = "auto-close", lockAtLeastFor = "${careregistry.housekeeping.hold:PT30S}", lockAtMostFor = "PT5M")
    public void run() {
        int closed = closeDue();
        if (closed > 0) {
            log.info("Auto-close: closed {} resolved tickets nobody answered for {}", closed, settings.autoCloseAfter());
        }
    }

    /** Closes the resolved tickets due (each in a transaction of its own); how many it closed. */
    public int closeDue() {
        if (settings.autoCloseAfter().isZero()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(settings.autoCloseAfter());
        List<Long> due = tickets.resolvedBefore(cutoff, PageRequest.of(0, PER_RUN));
        int closed = 0;
        for (Long id : due) {
            try {
                Boolean done = tx.execute(status -> tickets.findById(id)
                        .filter(ticket -> ticket.status() == TicketStatus.RESOLVED && ticket.timeline().resolvedAt().isBefore(cutoff))
                        .map(ticket -> {
                            ticket.close(Closer.AUTO, now);
                            tickets.save(ticket);
                            return true;
                        }).orElse(false));
                closed += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (OptimisticLockingFailureException answeredMeanwhile) {
                log.debug("Ticket {} changed while it was being closed; left as it is", id);
            }
        }
        return closed;
    }
}
