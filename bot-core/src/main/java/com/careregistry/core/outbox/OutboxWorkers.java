package com.careregistry.core.outbox;

import com.careregistry.core.common.WorkerThreads;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One dispatch thread per channel that has a sender, each driving its channel's
 * {@link OutboxLane}: record what was sent, claim the next chats' heads while senders are
 * free; when there is nothing to claim, wait for a wake-up (a commit that wrote rows, a send that
 * ended) or the poll interval, then let a few milliseconds of work gather first. At start the rows
 * this instance had claimed before a restart are taken back; at stop the sends in flight are given
 * a few seconds to end and be recorded.
 */
@Component
public class OutboxWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorkers.class);
    private static final java.time.Duration STOP_PATIENCE = java.time.Duration.ofSeconds(5);

    private final List<MessageSender> senders;
    private final OutboxDispatcher dispatcher;
    private final OutboxSignal signal;
    private final OutboxSettings settings;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public OutboxWorkers(List<MessageSender> senders, OutboxDispatcher dispatcher, OutboxSignal signal, OutboxSettings settings) {
        this.senders = senders;
        this.dispatcher = dispatcher;
        this.signal = signal;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        running = true;
        dispatcher.takeBackClaims();
        if (!settings.workers()) {
            log.info("Outbox dispatch threads are off (careregistry.outbox.workers=false)");
            return;
        }
        for (MessageSender sender : senders) {
            Thread thread = new Thread(() -> loop(sender), "outbox-" + sender.channel().name().toLowerCase());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void loop(MessageSender sender) {
        OutboxLane lane = dispatcher.lane(sender);
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                try {
                    if (!lane.step()) {
                        signal.await(sender.channel(), lane.idleMillis());
                        if (!settings.gather().isZero()) {
                            Thread.sleep(settings.gather().toMillis());
                        }
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("Outbox dispatch for {} failed; trying again shortly: {}", sender.channel(), e.toString());
                    try {
                        Thread.sleep(Math.min(settings.pollInterval().toMillis(), 1000));
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        } finally {
            Thread.interrupted();
            lane.finish(STOP_PATIENCE);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        WorkerThreads.stop(threads, STOP_PATIENCE.plusSeconds(2));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
