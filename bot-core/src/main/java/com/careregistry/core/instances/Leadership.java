package com.careregistry.core.instances;

import com.careregistry.core.common.InstanceSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Roles only one instance may hold at a time: polling Telegram (a second poller gets 409 Conflict),
 * holding the Discord gateway. A role is a lease in the {@code shedlock} table: its holder renews it
 * every {@code renewEvery}; the others ask for it as often and get it once it has not been renewed
 * for {@code leaseFor} (its holder was killed, or lost the database). A holder that cannot renew
 * (the database down) keeps the role until its lease would have run out, then steps down, so two
 * instances never both act in the role for longer than a renewal's round trip.
 */
@Component
public class Leadership {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final LockProvider locks;
    private final LeaseSettings settings;
    private final String instance;

    public Leadership(LockProvider locks, LeaseSettings settings, InstanceSettings instance) {
        this.locks = locks;
        this.settings = settings;
        this.instance = instance.name();
    }

    /** What an instance does when it takes the role and when it gives it up (both on the role's own thread). */
    public interface Duties {
        void takeUp();

        void stepDown();
    }

    /** Starts asking for the role {@code name}; the duties run while this instance holds it, until {@link Role#close}. */
    public Role contend(String name, Duties duties) {
        Role role = new Role(name, duties);
        role.start();
        return role;
    }

    /** A role a component contends for between its start and its stop (see {@link Contention}). */
    public Contention contention(String name, Duties duties) {
        return new Contention(name, duties);
    }

    /**
     * A role contended for from {@link #start} to {@link #stop}, a component's lifecycle: each may be
     * called any number of times, from any thread; a stop hands a role held back at once.
     */
    public final class Contention {

        private final String name;
        private final Duties duties;
        private final AtomicReference<Role> role = new AtomicReference<>();

        private Contention(String name, Duties duties) {
            this.name = name;
            this.duties = duties;
        }

        public void start() {
            if (role.get() == null) {
                Role started = contend(name, duties);
                if (!role.compareAndSet(null, started)) {
                    started.close();
                }
            }
        }

        public void stop() {
            Role stopped = role.getAndSet(null);
            if (stopped != null) {
                stopped.close();
            }
        }

        /** Whether it is between a start and a stop. */
        public boolean contending() {
            return role.get() != null;
        }

        /** Whether this instance holds the role now. */
        public boolean held() {
            Role current = role.get();
            return current != null && current.held();
        }
    }

    /** One role this instance contends for. */
    public final class Role implements AutoCloseable {

        private final String name;
        private final Duties duties;
        private final ScheduledExecutorService thread;
        private SimpleLock lease;
        private long renewedAt;
        private volatile boolean held;

        private Role(String name, Duties duties) {
            this.name = name;
            this.duties = duties;
            this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "role-" + name);
                t.setDaemon(true);
                return t;
            });
        }

        private void start() {
            thread.scheduleWithFixedDelay(this::tick, 0, settings.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Whether this instance holds the role now. */
        public boolean held() {
            return held;
        }

        private void tick() {
            try {
                if (lease == null) {
                    ask();
                } else {
                    renew();
                }
            } catch (RuntimeException e) {
                log.warn("Role {}: {}", name, e.toString());
                if (lease != null && System.nanoTime() - renewedAt > settings.leaseFor().toNanos()) {
                    stepDown("its lease could not be renewed in time");
                }
            }
        }

        private void ask() {
            Optional<SimpleLock> got = locks.lock(new LockConfiguration(Instant.now(), name, settings.leaseFor(), Duration.ZERO));
            if (got.isPresent()) {
                lease = got.get();
                renewedAt = System.nanoTime();
                held = true;
                log.info("Instance {} takes the role {}", instance, name);
                duties.takeUp();
            }
        }

        private void renew() {
            long asked = System.nanoTime();
            Optional<SimpleLock> renewed = lease.extend(settings.leaseFor(), Duration.ZERO);
            if (renewed.isPresent()) {
                lease = renewed.get();
                renewedAt = asked;
            } else {
                stepDown("its lease ran out");
            }
        }

        private void stepDown(String why) {
            held = false;
            lease = null;
            log.warn("Instance {} gives up the role {}: {}", instance, name, why);
            duties.stepDown();
        }

        /** Stops contending; a role held is handed back at once, so another instance takes it without waiting. */
        @Override
        public void close() {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (held) {
                held = false;
                duties.stepDown();
                try {
                    lease.unlock();
                } catch (RuntimeException e) {
                    log.debug("Role {} not handed back ({}); it frees itself in {}", name, e.toString(), settings.leaseFor());
                }
                lease = null;
            }
        }
    }
}
