-- Issue 16. Receipts and edits both ways.
-- A row that carries a copy of someone's message (a customer's to the staff thread, an agent's to the
-- customer) names that message where it was written: once the copy is delivered, a reaction row
-- acknowledges it there. (An agent's edited answer finds its copy by ticket_message_id, V20.)
ALTER TABLE outbox_messages ADD COLUMN copy_of_channel VARCHAR(16);
ALTER TABLE outbox_messages ADD COLUMN copy_of_chat VARCHAR(64);
ALTER TABLE outbox_messages ADD COLUMN copy_of_message VARCHAR(64);
-- A reaction row: the message it reacts to (its body is the emoji).
ALTER TABLE outbox_messages ADD COLUMN react_to VARCHAR(64);
-- An edit row: the row whose delivered message it changes (its body is the new text).
ALTER TABLE outbox_messages ADD COLUMN edit_of BIGINT;
