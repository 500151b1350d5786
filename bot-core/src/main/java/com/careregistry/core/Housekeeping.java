package com.careregistry.core;

import com.careregistry.core.account.SignInThrottle;
import com.careregistry.core.common.InstanceSettings;
import com.careregistry.core.conversation.Conversations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets what is no longer needed: expired chat flows, handled inbox events older than any platform
 * redelivers (a week; failed ones stay until an admin retries or discards them), sign-in throttle
 * keys quiet for longer than they count. Outbox rows stay: they are each ticket's delivery history.
 * Every instance's clock fires it at the same time of the hour ({@code CAREREGISTRY_HOUSEKEEPING_CRON});
 * the one that takes the lock first does the work, the others skip that hour (the lock is held at
 * least {@code CAREREGISTRY_HOUSEKEEPING_HOLD}, longer than the instances' clocks differ).
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final Conversations conversations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final TransactionTemplate tx;
    private final SignInThrottle throttle;
    private final String instance;

    Housekeeping(Conversations conversations, SignInThrottle throttle, JdbcTemplate jdbc, Clock clock,
                 PlatformTransactionManager transactions, InstanceSettings instance) {
        this.tx = new TransactionTemplate(transactions);
        this.throttle = throttle;
        this.instance = instance.name();
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${careregistry.housekeeping.cron:0 5 * * * *}")
    @SchedulerLock(name = "housekeeping", lockAtLeastFor = "${careregistry.housekeeping.hold:PT30S}", lockAtMostFor = "PT30M")
    void tidy() {
        int flows = conversations.forgetExpired();
        Integer events = tx.execute(status -> jdbc.update(
                "DELETE FROM inbox_events WHERE status IN ('HANDLED', 'DISCARDED') AND received_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(7)))));
        int keys = throttle.forgetQuietKeys();
        log.info("Housekeeping on {}: forgot {} expired flows, {} old inbox records and {} quiet sign-in keys",
                instance, flows, events, keys);
    }
}
