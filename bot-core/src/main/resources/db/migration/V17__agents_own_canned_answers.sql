-- Agents keep canned answers of their own beside the desk's: agent_id is the agent who keeps one,
-- NULL for the desk's (kept by admins). A name is unique per owner; an agent's own answer of a
-- name is the one they send when the desk has one of that name too.
ALTER TABLE canned_answers DROP CONSTRAINT uq_canned_answers_name;
ALTER TABLE canned_answers ADD COLUMN agent_id BIGINT NULL;
ALTER TABLE canned_answers ADD CONSTRAINT fk_canned_answers_agent FOREIGN KEY (agent_id) REFERENCES agents (id);
ALTER TABLE canned_answers ADD CONSTRAINT uq_canned_answers_owner_name UNIQUE (agent_id, name);
