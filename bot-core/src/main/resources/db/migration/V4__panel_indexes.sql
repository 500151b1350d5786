-- The panel's ticket list: newest first, by last activity, and filtered by category or channel.
CREATE INDEX ix_tickets_opened ON tickets (opened_at);
CREATE INDEX ix_tickets_activity ON tickets (last_activity_at);
CREATE INDEX ix_tickets_category_opened ON tickets (category_id, opened_at);
CREATE INDEX ix_tickets_channel_opened ON tickets (channel, opened_at);
CREATE INDEX ix_tickets_agent_opened ON tickets (agent_id, opened_at);
