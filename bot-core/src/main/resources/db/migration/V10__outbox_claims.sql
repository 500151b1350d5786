-- Who claimed a row: the instance that is sending it. A restarted instance takes back at once the
-- rows its predecessor of the same name had claimed, instead of waiting for their leases to end.
ALTER TABLE outbox_messages ADD COLUMN claimed_by VARCHAR(100);
