package com.careregistry.core.common;

import java.time.Duration;
import java.util.List;

/** The background threads of a component: stopped by interrupting them and waiting for each to end. */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    /** Interrupts every thread, then waits up to {@code each} for each to end; the list is emptied. */
    public static void stop(List<Thread> threads, Duration each) {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(each.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }
}
