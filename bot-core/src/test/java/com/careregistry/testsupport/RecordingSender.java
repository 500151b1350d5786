package com.careregistry.testsupport;

import com.careregistry.core.common.Channel;
import com.careregistry.core.outbox.Delivery;
import com.careregistry.core.outbox.DeliveryFailure;
import com.careregistry.core.outbox.MessageSender;
import com.careregistry.core.outbox.OutboundMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sender that records what it delivered and can be told to fail: a script of outcomes is
 * played first, then every send succeeds (or, with {@link #alwaysFail}, fails).
 */
public class RecordingSender implements MessageSender {

    private final Channel channel;
    private final List<OutboundMessage> delivered = new ArrayList<>();
    private final List<OutboundMessage> tries = new ArrayList<>();
    /** The thread that sent each delivered message, in the order of {@link #delivered}. */
    private final List<String> deliveredOn = new ArrayList<>();
    private final Deque<DeliveryFailure> script = new ArrayDeque<>();
    private final java.util.Map<String, Deque<DeliveryFailure>> scriptByBody = new java.util.HashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private volatile String alwaysFail;

    public RecordingSender(Channel channel) {
        this.channel = channel;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public synchronized Delivery send(OutboundMessage message) throws DeliveryFailure {
        tries.add(message);
        if (alwaysFail != null) {
            throw DeliveryFailure.transientFailure(alwaysFail);
        }
        Deque<DeliveryFailure> own = scriptByBody.get(message.body());
        DeliveryFailure next = own != null && !own.isEmpty() ? own.pollFirst() : script.pollFirst();
        if (next != null) {
            throw next;
        }
        delivered.add(message);
        deliveredOn.add(Thread.currentThread().getName());
        return new Delivery(String.valueOf(ids.incrementAndGet()));
    }

    /** The next send (of any message) fails with this reason. */
    public synchronized RecordingSender failNext(String reason) {
        script.add(DeliveryFailure.transientFailure(reason));
        return this;
    }

    /** The next send fails after {@code parts} parts of the message arrived. */
    public synchronized RecordingSender failNextAfterParts(String reason, int parts) {
        script.add(DeliveryFailure.transientFailure(reason).afterParts(parts));
        return this;
    }

    /** The next sends of the message with this text fail, one reason each. */
    public synchronized RecordingSender failFor(String body, String... reasons) {
        Deque<DeliveryFailure> own = scriptByBody.computeIfAbsent(body, b -> new ArrayDeque<>());
        for (String reason : reasons) {
            own.add(DeliveryFailure.transientFailure(reason));
        }
        return this;
    }

    public synchronized RecordingSender rateLimitNext(Duration retryAfter) {
        script.add(DeliveryFailure.rateLimited("429 Too Many Requests", retryAfter));
        return this;
    }

    public void alwaysFail(String reason) {
        this.alwaysFail = reason;
    }

    /** The names of the threads that sent the delivered messages, in their order. */
    public synchronized List<String> deliveredOn() {
        return List.copyOf(deliveredOn);
    }

    public synchronized List<OutboundMessage> delivered() {
        return List.copyOf(delivered);
    }

    public synchronized List<OutboundMessage> tries() {
        return List.copyOf(tries);
    }

    public synchronized void reset() {
        delivered.clear();
        deliveredOn.clear();
        tries.clear();
        script.clear();
        scriptByBody.clear();
        alwaysFail = null;
    }
}
