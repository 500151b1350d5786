package com.careregistry.core.sla;

import com.careregistry.core.sla.ServiceLevel.Notice;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.Tickets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the due times: a ticket still waiting on a target is reminded in its staff topic or thread
 * {@code careregistry.sla.remind-before} ahead, and at the breach staff and the admins are told.
 * Each notice once, in the transaction that marks it sent (under the level's version, so two runs
 * that overlap cannot both send it). Every instance fires the job (every
 * minute, {@code CAREREGISTRY_SLA_WATCH_CRON}); one runs it. An instance
 * that dies in the middle of a run holds the job up for two minutes at most (its lock's lockAtMostFor).
 */
@Component
public class SlaWatch {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);
    /** Tickets looked at in one run at most; the next run takes the rest. */
    private static final int PER_RUN = 500;

    private final ServiceLevels levels;
    private final Tickets tickets;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    SlaWatch(ServiceLevels levels, Tickets tickets, Deadlines deadlines, ApplicationEventPublisher events, Clock clock,
             PlatformTransactionManager transactions) {
        this.levels = levels;
        this.tickets = tickets;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${careregistry.sla.watch-cron:0 * * * * *}")
    @SchedulerLock(name = "sla-watch", lockAtLeastFor = "${careregistry.housekeeping.hold:PT30S}", lockAtMostFor = "PT2M")
    public void run() {
        int sent = check();
        if (sent > 0) {
            log.info("Service levels: {} reminders and breach notices", sent);
        }
    }

    /** Sends the notices due now (each ticket in a transaction of its own); how many it sent. */
    public int check() {
        Instant now = clock.instant();
        int sent = 0;
        for (Long ticketId : levels.withNoticeDueBy(now, PageRequest.of(0, PER_RUN))) {
            try {
                Integer notices = tx.execute(status -> notify(ticketId, now));
                sent += notices == null ? 0 : notices;
            } catch (OptimisticLockingFailureException movedMeanwhile) {
                log.debug("Ticket {} changed while its service level was checked; the next run looks again", ticketId);
            }
        }
        return sent;
    }

    private int notify(Long ticketId, Instant now) {
        ServiceLevel level = levels.findById(ticketId).orElse(null);
        Ticket ticket = tickets.findById(ticketId).orElse(null);
        if (level == null || ticket == null) {
            return 0;
        }
        List<Notice> notices = level.noticesDue(ServiceLevelTracking.progress(ticket), now, deadlines.remindBefore());
        for (Notice notice : notices) {
            events.publishEvent(notice.breach()
                    ? new ServiceLevelEvents.Breached(ticket, notice.target(), notice.due())
                    : new ServiceLevelEvents.DueSoon(ticket, notice.target(), notice.due(), Duration.between(now, notice.due())));
        }
        return notices.size();
    }
}
