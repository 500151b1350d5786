package com.careregistry.core.inbox;

import com.careregistry.core.common.WorkerThreads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The threads that handle stored events: {@code careregistry.inbox.threads} workers, each taking a
 * batch of chats from the {@link InboxQueue} and handling their next events together (a chat with
 * more to do stays with its worker, so it is drained in order), and a scanner that, every poll
 * interval, adds the chats the database says have due events (stored by another instance, due
 * again after a backoff, or left by a process that died).
 */
@Component
public class InboxWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);
    private static final long UNREACHABLE_PAUSE_MILLIS = 1000;

    private final InboxProcessor processor;
    private final InboxQueue queue;
    private final InboxSettings settings;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    /** When the database could not be reached, nobody works until then (System.nanoTime). */
    private volatile long pausedUntil;

    public InboxWorkers(InboxProcessor processor, InboxQueue queue, InboxSettings settings) {
        this.processor = processor;
        this.queue = queue;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!settings.workers()) {
            log.info("Inbox worker threads are off (careregistry.inbox.workers=false)");
            return;
        }
        if (processor.channels().isEmpty()) {
            log.info("Inbox: no chat adapter is on, so no worker threads");
            return;
        }
        start("inbox-scanner", this::scan);
        for (int i = 1; i <= settings.threads(); i++) {
            start("inbox-" + i, this::work);
        }
    }

    private void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void scan() {
        long interval = settings.pollInterval().toMillis();
        while (running) {
            try {
                waitWhilePaused();
                if (queue.waiting() < settings.threads()) {
                    queue.offer(processor.dueChats(Math.max(100, settings.threads() * 8)));
                }
                Thread.sleep(interval);
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException e) {
                if (Failures.unreachable(e)) {
                    log.warn("Inbox: the database cannot be reached ({}); looking again shortly", e.toString());
                    pause();
                } else {
                    log.warn("Inbox: looking for due events failed", e);
                }
                sleepQuietly(interval);
            }
        }
    }

    /**
     * Takes a chat (waiting for one, then the gather time for more), adds what other chats are
     * waiting, up to a batch, and handles their next events together; a chat whose next event is
     * known stays for the next batch (so a busy chat is drained in order by one worker), the others
     * are let go.
     */
    private void work() {
        Set<String> mine = new LinkedHashSet<>();
        while (running) {
            try {
                waitWhilePaused();
                if (mine.isEmpty()) {
                    List<String> chats = queue.takeBatch(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);   // one, and a few more
                    if (chats.isEmpty()) {
                        continue;
                    }
                    mine.addAll(chats);
                }
            } catch (InterruptedException stop) {
                break;
            }
            mine.addAll(queue.takeMore(settings.batch() - mine.size()));
            Set<String> next = new LinkedHashSet<>();
            try {
                Map<String, HeadResult> results = processor.handleBatch(mine);
                boolean unreachable = false;
                for (Map.Entry<String, HeadResult> entry : results.entrySet()) {
                    HeadResult result = entry.getValue();
                    if (result.more()) {
                        next.add(entry.getKey());   // more to do here: keep it
                    } else {
                        unreachable |= result.step() == HeadStep.UNREACHABLE;
                        queue.release(entry.getKey());
                        if (result.step() == HeadStep.UNREACHABLE) {
                            queue.offer(List.of(entry.getKey()));   // looked at again once the pause is over
                        }
                    }
                }
                if (unreachable) {
                    pause();
                }
            } catch (RuntimeException e) {
                log.warn("Inbox: handling chats {} failed; they are looked at again shortly", mine, e);
                mine.forEach(queue::release);
                next.clear();
            }
            mine.clear();
            mine.addAll(next);
        }
        mine.forEach(queue::release);
    }

    private void pause() {
        pausedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(UNREACHABLE_PAUSE_MILLIS);
    }

    private void waitWhilePaused() throws InterruptedException {
        long left;
        while ((left = pausedUntil - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking chats; a worker in the middle of an event finishes it (its transaction commits or rolls back). */
    @Override
    public synchronized void stop() {
        running = false;
        WorkerThreads.stop(threads, java.time.Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
