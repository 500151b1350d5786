package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.SqlLists;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Receipts: when a row that carries a copy of someone's message (a customer's to the staff thread, an
 * agent's to the customer) is delivered, the original gets a reaction where it was written
 * ({@code careregistry.outbox.receipt}, 👌; none when empty). Each reaction is a row of its own, in a
 * queue of its own per chat (its ordering key ends with {@link #QUEUE}), which the dispatchers claim
 * after messages: a receipt never holds up a message, and under a burst it waits for room.
 */
@Component
class OutboxReceipts {

    /** How the ordering key of a chat's queue of receipts ends. */
    static final String QUEUE = ":receipts";

    private final JdbcTemplate jdbc;
    private final OutboxSettings settings;
    private final Clock clock;
    private final OutboxSignal signal;
    /** The queue the receipt of each claimed row that carries a copy would go to, until its send ends. */
    private final Map<Long, ReceiptQueue> expected = new ConcurrentHashMap<>();

    private record ReceiptQueue(Channel channel, String orderingKey) {
    }

    OutboxReceipts(JdbcTemplate jdbc, OutboxSettings settings, Clock clock, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.signal = signal;
    }

    /** A row carrying a copy of a message written in {@code copyChannel}'s chat {@code copyChat} was claimed. */
    void expect(long rowId, String copyChannel, String copyChat) {
        expected.put(rowId, new ReceiptQueue(Channel.valueOf(copyChannel), copyChannel + ":" + copyChat + QUEUE));
    }

    /** The sends of these rows ended and were recorded: their receipts, if any, are written. */
    void settled(Collection<Long> rowIds) {
        rowIds.forEach(expected::remove);
    }

    /** These rows were delivered: the originals of those that carried a copy get their reaction rows, in one statement. */
    void acknowledge(List<Long> delivered) {
        if (delivered.isEmpty() || settings.receipt().isBlank()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO outbox_messages (channel, chat_id, ordering_key, body, react_to, status, attempts, parts_sent, next_attempt_at,
                                             created_at)
                SELECT copy_of_channel, copy_of_chat, CONCAT(copy_of_channel, ':', copy_of_chat, '%s'), ?, copy_of_message,
                       'PENDING', 0, 0, ?, ?
                FROM outbox_messages WHERE id IN (%s) AND copy_of_message IS NOT NULL
                """.formatted(QUEUE, SqlLists.marks(delivered)), SqlLists.args(List.of(settings.receipt(), now, now), delivered));
        List<ReceiptQueue> queues = delivered.stream().map(expected::get).filter(Objects::nonNull).distinct().toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queues.forEach(queue -> signal.wrote(queue.channel(), queue.orderingKey()));
            }
        });
    }
}
