package com.careregistry.testsupport;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.inbox.InboxEvent;
import com.careregistry.core.inbox.InboxHandler;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The core's tests' stand-in for a chat adapter's inbox handler: what it does with an event is the
 * test's to say ({@link #behave}); it records each event it handled, in the order it did, and
 * answers refusals and failures in the chat named by the event's ordering key.
 */
public class ScriptedInboxHandler implements InboxHandler {

    private final Channel channel;
    private final Outbox outbox;
    private final Texts texts;
    private final List<InboxEvent> handled = new ArrayList<>();
    private volatile Consumer<InboxEvent> behaviour = event -> { };

    public ScriptedInboxHandler(Channel channel, Outbox outbox, Texts texts) {
        this.channel = channel;
        this.outbox = outbox;
        this.texts = texts;
    }

    public void behave(Consumer<InboxEvent> behaviour) {
        this.behaviour = behaviour;
    }

    public void reset() {
        behaviour = event -> { };
        synchronized (handled) {
            handled.clear();
        }
    }

    /** The events whose effect committed (a try that threw, or a batch rolled back, is not among them), in order. */
    public List<InboxEvent> handled() {
        synchronized (handled) {
            return List.copyOf(handled);
        }
    }

    @Override
    public Channel channel() {
        return channel;
    }

    /** Runs the behaviour; the event counts as handled once its transaction committed (a batch may roll back). */
    @Override
    public void handle(InboxEvent event) {
        behaviour.accept(event);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                synchronized (handled) {
                    handled.add(event);
                }
            }
        });
    }

    @Override
    public void refused(InboxEvent event, DomainException refusal) {
        outbox.toChat(chatOf(event), texts.explain("en", refusal));
    }

    @Override
    public void failed(InboxEvent event) {
        outbox.toChat(chatOf(event), texts.get("en", "inbox.failed"));
    }

    /** The ordering key {@code TELEGRAM:<chat>} names the chat. */
    private ChatAddress chatOf(InboxEvent event) {
        return ChatAddress.of(channel, event.orderingKey().substring(event.orderingKey().indexOf(':') + 1));
    }
}
