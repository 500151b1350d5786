-- An agent's open load (tickets ASSIGNED to them), kept as a counter in the transaction of every
-- change, so that the assign dialog does not count a large tickets table on every page.
ALTER TABLE agents ADD COLUMN open_tickets INT NOT NULL DEFAULT 0;
UPDATE agents SET open_tickets = (SELECT COUNT(*) FROM tickets t WHERE t.agent_id = agents.id AND t.status = 'ASSIGNED');
