package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the outbox does, for an operator's dashboard: sends and their latency, the platforms' 429s,
 * our own limiter's waits, retries and dead rows as counters per channel; the backlog per channel
 * and the dead rows as gauges, read from the database every few seconds (a scrape costs nothing).
 */
@Component
public class OutboxMetrics {

    private static final String CHANNELS = java.util.Arrays.stream(Channel.values())
            .map(channel -> "'" + channel.name() + "'").collect(java.util.stream.Collectors.joining(", "));
    /** The rows pending and dead per channel (through the index: see {@link #refresh}). */
    static final String BACKLOG = "SELECT channel, status, COUNT(*) FROM outbox_messages WHERE channel IN (" + CHANNELS + ")"
            + " AND status IN ('PENDING', 'DEAD') GROUP BY channel, status";

    private final JdbcTemplate jdbc;
    private final Map<Channel, Timer> sends = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> tooManyRequests = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> limiterWaits = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> retries = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> deaths = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicLong> backlog = new EnumMap<>(Channel.class);
    private final AtomicLong dead = new AtomicLong();

    public OutboxMetrics(JdbcTemplate jdbc, ObjectProvider<MeterRegistry> registries) {
        this.jdbc = jdbc;
        MeterRegistry registry = registries.getIfAvailable(SimpleMeterRegistry::new);
        for (Channel channel : Channel.values()) {
            String tag = channel.name().toLowerCase();
            sends.put(channel, Timer.builder("careregistry.outbox.sends").tag("channel", tag)
                    .description("Messages the platform accepted, and how long each send took").register(registry));
            tooManyRequests.put(channel, Counter.builder("careregistry.outbox.too.many.requests").tag("channel", tag)
                    .description("Sends the platform refused with 429").register(registry));
            limiterWaits.put(channel, Counter.builder("careregistry.outbox.limiter.waits").tag("channel", tag)
                    .description("Sends put off by our own rate limiter").register(registry));
            retries.put(channel, Counter.builder("careregistry.outbox.retries").tag("channel", tag)
                    .description("Failed sends that will be tried again").register(registry));
            deaths.put(channel, Counter.builder("careregistry.outbox.deaths").tag("channel", tag)
                    .description("Messages given up after their last try").register(registry));
            AtomicLong pending = new AtomicLong();
            backlog.put(channel, pending);
            Gauge.builder("careregistry.outbox.backlog", pending, AtomicLong::get).tag("channel", tag)
                    .description("Messages waiting to be sent").register(registry);
        }
        Gauge.builder("careregistry.outbox.dead", dead, AtomicLong::get)
                .description("Messages given up, waiting for an admin's retry").register(registry);
    }

    void sent(Channel channel, long nanos) {
        sends.get(channel).record(nanos, TimeUnit.NANOSECONDS);
    }

    void waited(Channel channel, boolean refusedByPlatform) {
        (refusedByPlatform ? tooManyRequests : limiterWaits).get(channel).increment();
    }

    void retried(Channel channel) {
        retries.get(channel).increment();
    }

    void died(Channel channel) {
        deaths.get(channel).increment();
    }

    /** Reads the backlog per channel and the dead rows. */
    @Scheduled(initialDelayString = "${careregistry.metrics.refresh:PT2S}", fixedDelayString = "${careregistry.metrics.refresh:PT2S}")
    public void refresh() {
        Map<Channel, Long> pending = new EnumMap<>(Channel.class);
        long[] deadRows = {0};
        // every channel named, so that MariaDB counts through the (channel, status, ...) index only the
        // rows pending or dead; "status IN" alone made it walk the whole index, every sent row of
        // history, every refresh (a relay's p99 at 500/s went from 28 to 90-220 ms, and 0.3 ms more
        // CPU per message, with a refresh every 2 s: docs/benchmarks.md)
        jdbc.query(BACKLOG, rs -> {
                    if ("DEAD".equals(rs.getString(2))) {
                        deadRows[0] += rs.getLong(3);
                    } else {
                        pending.put(Channel.valueOf(rs.getString(1)), rs.getLong(3));
                    }
                });
        backlog.forEach((channel, value) -> value.set(pending.getOrDefault(channel, 0L)));
        dead.set(deadRows[0]);
    }
}
