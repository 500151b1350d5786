package com.careregistry.testsupport;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.inbox.InboxEvent;
import com.careregistry.core.inbox.InboxHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A chat adapter's inbox handler made to fail for the chats a test names ("the database refuses this
 * customer's messages"), as a poison test needs: installed by {@link #wrapping} around the real one.
 */
public final class FailingInboxHandler implements InboxHandler {

    /** The ordering keys whose events fail, until a test takes them out. */
    public static final Set<String> FAILING_CHATS = ConcurrentHashMap.newKeySet();

    private final InboxHandler real;

    private FailingInboxHandler(InboxHandler real) {
        this.real = real;
    }

    /** A bean post-processor that puts this around the adapter's handler of {@code type}. */
    public static BeanPostProcessor wrapping(Class<? extends InboxHandler> type) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return type.isInstance(bean) ? new FailingInboxHandler((InboxHandler) bean) : bean;
            }
        };
    }

    @Override
    public Channel channel() {
        return real.channel();
    }

    @Override
    public void handle(InboxEvent event) {
        if (FAILING_CHATS.contains(event.orderingKey())) {
            throw new IllegalStateException("the database refused chat " + event.orderingKey());
        }
        real.handle(event);
    }

    @Override
    public void refused(InboxEvent event, DomainException refusal) {
        real.refused(event, refusal);
    }

    @Override
    public void failed(InboxEvent event) {
        real.failed(event);
    }
}
