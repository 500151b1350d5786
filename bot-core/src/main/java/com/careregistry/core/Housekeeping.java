package com.careregistry.core;

import com.careregistry.core.conversation.Conversations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets what is no longer needed: expired chat flows, handled inbox events older than any platform
 * redelivers (a week; failed ones stay until an admin retries or discards them). Outbox rows stay:
 * they are each ticket's delivery history.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final Conversations conversations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final TransactionTemplate tx;

    Housekeeping(Conversations conversations, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void tidy() {
        int flows = conversations.forgetExpired();
        Integer events = tx.execute(status -> jdbc.update(
                "DELETE FROM inbox_events WHERE status IN ('HANDLED', 'DISCARDED') AND received_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(7)))));
        if (flows + events > 0) {
            log.info("Housekeeping: forgot {} expired flows and {} old inbox records", flows, events);
        }
    }
}
