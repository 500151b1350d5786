package com.careregistry.telegram;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import okhttp3.ConnectionPool;
import okhttp3.internal.concurrent.TaskRunner;
import okhttp3.internal.connection.ConnectionListener;

/**
 * OkHttp connection pools whose idle connections are swept at most once a {@link #SWEEP}, not after
 * every call.
 *
 * <p>OkHttp 5 schedules its pool's clean-up task, due at once, each time a call releases its
 * connection ({@code RealConnectionPool.connectionBecameIdle}), and its task runner wakes a thread to
 * run it: a thread hand-off per message sent or poll, which on this project's two cores cost about
 * 0.09 ms of CPU per relayed message (async-profiler, stop 30) to learn each time that no connection
 * had been idle for its five minutes. The pools made here run that task on a task runner of their own
 * whose thread is never woken early: it looks at what is due when it wakes by itself, at the latest
 * one {@link #SWEEP} later. Idle connections are then closed up to a second late, which nothing
 * notices; a connection the server closed meanwhile is still found stale when a call would take it,
 * as with any pool.
 *
 * <p>The task runner and this pool constructor are public in OkHttp's bytecode but internal to its
 * Kotlin API; {@code QuietConnectionPoolTest} checks the behaviour this relies on, so an OkHttp
 * upgrade that changes it fails there rather than in production.
 */
public final class QuietConnectionPool {

    /** The longest the sweeping thread waits before it looks at the pool again. */
    static final Duration SWEEP = Duration.ofSeconds(1);

    private static final Backend BACKEND = new Backend();
    private static final TaskRunner RUNNER = new TaskRunner(BACKEND, Logger.getLogger(TaskRunner.class.getName()));

    private QuietConnectionPool() {
    }

    /** A pool that keeps up to {@code maxIdle} idle connections for {@code keepAlive} each. */
    public static ConnectionPool create(int maxIdle, Duration keepAlive) {
        return new ConnectionPool(maxIdle, keepAlive.toNanos(), TimeUnit.NANOSECONDS, RUNNER, ConnectionListener.Companion.getNONE());
    }

    /** How often the sweeping threads have been started or woken up so far (for tests). */
    static long wakeUps() {
        return BACKEND.wakeUps.get();
    }

    /** OkHttp's own backend, less the early wake-up: its thread waits on the runner's monitor, at most one sweep. */
    private static final class Backend implements TaskRunner.Backend {

        private final AtomicLong wakeUps = new AtomicLong();
        private final ThreadPoolExecutor threads;

        Backend() {
            AtomicInteger number = new AtomicInteger();
            threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "okhttp-pool-sweeper-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void coordinatorNotify(TaskRunner taskRunner) {
            // not woken: a task scheduled meanwhile waits for the end of the current sweep
        }

        /**
         * Called by the runner with its monitor held, in a loop of its own; an interrupt goes to the
         * runner as OkHttp's own backend lets it (its Kotlin signature declares no exception).
         */
        @Override
        public void coordinatorWait(TaskRunner taskRunner, long nanos) {
            long wait = Math.min(nanos, SWEEP.toNanos());
            if (wait > 0) {
                try {
                    taskRunner.wait(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    throw Backend.<RuntimeException>rethrown(e);
                }
            }
            wakeUps.incrementAndGet();
        }

        @SuppressWarnings("unchecked")
        private static <E extends Throwable> E rethrown(Throwable e) throws E {
            throw (E) e;
        }

        @Override
        public <T> BlockingQueue<T> decorate(BlockingQueue<T> queue) {
            return queue;
        }

        @Override
        public void execute(TaskRunner taskRunner, Runnable runnable) {
            wakeUps.incrementAndGet();
            threads.execute(runnable);
        }
    }
}
