-- A customer may edit the message that opened their ticket (its description): the ticket keeps
-- which message that was, and every earlier description is kept, as for any other message.
ALTER TABLE tickets ADD COLUMN opening_message_id VARCHAR(64);
CREATE INDEX ix_tickets_opening_message ON tickets (channel, opening_message_id);

CREATE TABLE ticket_description_edits (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id             BIGINT       NOT NULL,
    previous_description  TEXT         NOT NULL,
    edited_at             DATETIME(6)  NOT NULL,
    CONSTRAINT fk_ticket_description_edits_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_ticket_description_edits_ticket ON ticket_description_edits (ticket_id, id);
