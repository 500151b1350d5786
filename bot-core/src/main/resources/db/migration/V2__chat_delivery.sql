-- What the chat adapters need of the core: files with outgoing messages, delivery of long
-- messages in parts (resumed where a failure stopped it), staff thread titles, and the history
-- of customers' edits.

ALTER TABLE outbox_messages ADD COLUMN attachments VARCHAR(4000);
ALTER TABLE outbox_messages ADD COLUMN parts_sent INT NOT NULL DEFAULT 0;

ALTER TABLE staff_threads ADD COLUMN title VARCHAR(128);

CREATE TABLE ticket_message_edits (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id     BIGINT       NOT NULL,
    previous_body  TEXT,
    edited_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_ticket_message_edits_message FOREIGN KEY (message_id) REFERENCES ticket_messages (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_ticket_message_edits_message ON ticket_message_edits (message_id, id);
