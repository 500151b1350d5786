package com.careregistry.testfixture;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A test that waits by sleeping, in each of the forms the hygiene rule forbids: here only to show
 * that the rule fails on it ({@code TestHygieneTest}); its package is left out of the real check.
 */
public class SleepingTest {

    interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    void waitsForTheQueueToDrain() throws InterruptedException {
        Thread.sleep(100);
    }

    void waitsInNanos() throws InterruptedException {
        Thread.sleep(0, 500);
    }

    void waitsInAnotherUnit() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(100);
    }

    void parks() {
        LockSupport.parkNanos(1_000_000);
        LockSupport.parkNanos(this, 1_000_000);
    }

    Runnable sleepsInALambda() {
        return () -> {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    Pause sleepsByReference() {
        return Thread::sleep;
    }

    /** A thread of its own, sleeping through the inherited static method. */
    static final class Sleeper extends Thread {
        @Override
        public void run() {
            try {
                sleep(10);
            } catch (InterruptedException e) {
                interrupt();
            }
        }
    }
}
