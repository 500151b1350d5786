package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;

/**
 * The port through which the outbox hands a message to a platform. The chat adapters and the
 * mail module implement it; one sender per channel.
 */
public interface MessageSender {

    Channel channel();

    /** False while the channel cannot send (e.g. mail without SMTP settings): its rows wait. */
    default boolean ready() {
        return true;
    }

    /**
     * Sends one message. Must not return before the platform accepted it; throws when it did not.
     * A text over the platform's length limit is split by the sender.
     */
    Delivery send(OutboundMessage message) throws DeliveryFailure;
}
