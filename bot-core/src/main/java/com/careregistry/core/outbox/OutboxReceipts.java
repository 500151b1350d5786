package com.careregistry.core.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Receipts: when a row that carries a copy of someone's message (a customer's to the staff thread, an
 * agent's to the customer) is delivered, the original gets a reaction where it was written
 * ({@code careregistry.outbox.receipt}, 👌; none when empty). Each reaction is a row of its own, in a
 * queue of its own per chat (its ordering key ends with {@link #QUEUE}), written in the transaction that
 * records the delivery. It goes at once when that commits ({@link DirectSends}: reactions have no order
 * among them), or, when it cannot (no lane here takes it now), waits for the dispatchers, which claim
 * receipts after messages: a receipt never holds up a message, and under a burst it waits for room.
 */
@Component
class OutboxReceipts {

    /** How the ordering key of a chat's queue of receipts ends. */
    static final String QUEUE = ":receipts";

    private final OutboxSettings settings;
    private final Clock clock;
    private final DirectSends direct;
    private final OutboxWrites writes;

    OutboxReceipts(OutboxSettings settings, Clock clock, DirectSends direct, OutboxWrites writes) {
        this.settings = settings;
        this.clock = clock;
        this.direct = direct;
        this.writes = writes;
    }

    /** These messages, each carrying a copy, were delivered: the originals get their reactions, in the caller's transaction. */
    void acknowledge(List<OutboundMessage> delivered) {
        if (delivered.isEmpty() || settings.receipt().isBlank()) {
            return;
        }
        Instant now = clock.instant();
        List<NewRow> receipts = delivered.stream().map(OutboundMessage::copyOf)
                .map(copy -> NewRow.receipt(copy.channel(), copy.chatId(), copy.messageId(), settings.receipt(), now)).toList();
        writes.insertPending(direct.writeClaimed(receipts, false));
    }
}
