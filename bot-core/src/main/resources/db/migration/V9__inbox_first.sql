-- Inbox first: an adapter's only synchronous job is to store the platform's event; workers handle
-- stored events later, per chat in order (ordering_key), chats in parallel, across instances.
-- A row is PENDING until its effect committed (HANDLED); an event whose handling keeps failing
-- for another reason than a refusal is quarantined (FAILED), so its chat moves on; an admin may
-- retry it (PENDING again) or discard it (DISCARDED).
CREATE TABLE inbox_events (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel            VARCHAR(16)   NOT NULL,
    external_event_id  VARCHAR(128)  NOT NULL,
    ordering_key       VARCHAR(160)  NOT NULL,
    payload            MEDIUMTEXT,
    status             VARCHAR(16)   NOT NULL,
    attempts           INT           NOT NULL DEFAULT 0,
    next_attempt_at    DATETIME(6)   NOT NULL,
    last_error         VARCHAR(2000),
    received_at        DATETIME(6)   NOT NULL,
    handled_at         DATETIME(6),
    CONSTRAINT uk_inbox_events UNIQUE (channel, external_event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the head of each chat's queue (the oldest pending event of an ordering key); failed events listed
CREATE INDEX ix_inbox_events_queue ON inbox_events (status, ordering_key, id);
CREATE INDEX ix_inbox_events_received ON inbox_events (received_at);

-- what the old inbox knew (events handled in the transaction of their effect) stays known, so a
-- platform's redelivery of one of them after the upgrade is still a no-op
INSERT INTO inbox_events (channel, external_event_id, ordering_key, payload, status, attempts, next_attempt_at,
                          received_at, handled_at)
    SELECT channel, external_event_id, CONCAT(channel, ':before-inbox'), NULL, 'HANDLED', 1, received_at,
           received_at, received_at
    FROM inbound_events;

DROP TABLE inbound_events;

-- An agent answering in their private chat replies to one of our messages: the message they replied
-- to (by the platform's id of it, in that chat) names the ticket.
CREATE INDEX ix_outbox_sent_message ON outbox_messages (chat_id, external_message_id);

-- A message to a ticket's staff thread carries the thread's title when it should change (rendered
-- with the change that caused it), so a sender renames only then and never reads the ticket to know.
ALTER TABLE outbox_messages ADD COLUMN thread_title VARCHAR(128);

-- the head of each chat's queue, read without touching the rows; it serves what the two indexes it
-- replaces served, and every index is one more write per message sent
CREATE INDEX ix_outbox_heads ON outbox_messages (channel, status, ordering_key, id);
DROP INDEX ix_outbox_due ON outbox_messages;
DROP INDEX ix_outbox_chat ON outbox_messages;
