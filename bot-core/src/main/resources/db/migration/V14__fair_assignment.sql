-- Fair auto-assignment: an agent takes at most open_limit tickets at once (NULL: the desk's
-- CAREREGISTRY_TICKETS_AGENT_LIMIT), and none while away (/away in staff chat, or the panel).
ALTER TABLE agents ADD COLUMN open_limit INT NULL;
ALTER TABLE agents ADD COLUMN away BOOLEAN NOT NULL DEFAULT FALSE;
