package com.careregistry.core.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The inbox for an operator's dashboard: events stored and not handled yet (the backlog), how long
 * the oldest of them has waited (the lag), and the events set aside as failed (quarantined). Read
 * from the database every few seconds, so a scrape costs nothing.
 */
@Component
public class InboxMetrics {

    private final JdbcTemplate jdbc;
    private final Inbox inbox;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public InboxMetrics(JdbcTemplate jdbc, Inbox inbox, Clock clock, ObjectProvider<MeterRegistry> registries) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.clock = clock;
        MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
        Gauge.builder("careregistry.inbox.backlog", backlog, AtomicLong::get)
                .description("Events stored and not handled yet").register(registry);
        Gauge.builder("careregistry.inbox.lag", lagMillis, millis -> millis.get() / 1000.0).baseUnit("seconds")
                .description("How long the oldest unhandled event has waited").register(registry);
        Gauge.builder("careregistry.inbox.failed", failed, AtomicLong::get)
                .description("Events set aside after their last failed try (the panel lists them)").register(registry);
    }

    @Scheduled(initialDelayString = "${careregistry.metrics.refresh:PT2S}", fixedDelayString = "${careregistry.metrics.refresh:PT2S}")
    public void refresh() {
        jdbc.query("SELECT COUNT(*), MIN(received_at) FROM inbox_events WHERE status = 'PENDING'", rs -> {
            backlog.set(rs.getLong(1));
            Timestamp oldest = rs.getTimestamp(2);
            lagMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis()));
        });
        failed.set(inbox.countFailed());
    }
}
