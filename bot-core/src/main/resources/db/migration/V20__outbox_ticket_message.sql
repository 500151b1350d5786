-- Which message of a ticket an outbox row delivers (an agent's answer, to the customer's chat), so the
-- ticket's timeline can show each answer's delivery. Found through the ticket's rows (ix_outbox_ticket);
-- rows written before this column, and rows that deliver no message, have none.
ALTER TABLE outbox_messages ADD COLUMN ticket_message_id BIGINT NULL;
