package com.careregistry.core.outbox;

import com.careregistry.core.common.WorkerThreads;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One dispatch thread per channel that has a sender. Each loops: send what is due (a round of
 * chats at once); when nothing was, wait for a commit's wake-up or the poll interval; after a round
 * that was not full, let a few milliseconds of messages gather first.
 */
@Component
public class OutboxWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorkers.class);

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
        long idleMillis = settings.pollInterval().toMillis();
        while (running) {
            try {
                int sent = sender.ready() ? dispatcher.dispatchDue(sender) : 0;
                if (sent == 0) {
                    signal.await(sender.channel(), idleMillis);
                }
                if (sent < settings.batchSize() && !settings.gather().isZero()) {
                    Thread.sleep(settings.gather().toMillis());
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox dispatch for {} failed; trying again shortly", sender.channel(), e);
                try {
                    Thread.sleep(idleMillis);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        WorkerThreads.stop(threads, java.time.Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
