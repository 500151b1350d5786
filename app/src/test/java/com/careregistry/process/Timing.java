package com.careregistry.process;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The two ways the load drivers and the chaos test let time pass, neither of them a sleep: waiting
 * until something is true ({@link #within}), and doing the next step at a given time ({@link #at},
 * {@link #after}).
 */
public final class Timing {

    /** Runs the scheduled steps; a step may itself wait for another, so threads are not capped. */
    private static final Executor STEPS = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger number = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "timed-step-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private Timing() {
    }

    /**
     * Checks {@code condition} at once and then every {@code pollInterval} until it holds or
     * {@code atMost} has passed; whether it held. Exceptions of other threads meanwhile are theirs
     * (not turned into a failure of the wait).
     */
    public static boolean within(Duration atMost, Duration pollInterval, Callable<Boolean> condition) {
        try {
            await().atMost(atMost.isNegative() || atMost.isZero() ? Duration.ofMillis(1) : atMost).pollDelay(Duration.ZERO)
                    .pollInterval(pollInterval).dontCatchUncaughtExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException notWithin) {
            return false;
        }
    }

    /**
     * Does {@code step} at {@code dueNanos} (as {@link System#nanoTime}), or at once when that has
     * passed, and returns what it returned; what it threw is thrown here.
     */
    public static <T> T at(long dueNanos, Callable<T> step) throws Exception {
        long delay = Math.max(0, dueNanos - System.nanoTime());
        CompletableFuture<T> done = CompletableFuture.supplyAsync(() -> {
            try {
                return step.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS, STEPS));
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Does {@code step} once {@code delay} has passed from now; see {@link #at}. */
    public static <T> T after(Duration delay, Callable<T> step) throws Exception {
        return at(System.nanoTime() + delay.toNanos(), step);
    }
}
