-- What happened to a ticket besides its messages, for the panel's timeline: opened, assigned (to
-- whom, by whom or by auto-assignment), resolved, reopened, closed (by whom), rated. Written in the
-- transaction of the change; tickets older than this table show their messages and opening only.
CREATE TABLE ticket_history (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id  BIGINT       NOT NULL,
    at         DATETIME(6)  NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    agent_id   BIGINT       NULL,
    detail     VARCHAR(40)  NULL,
    CONSTRAINT fk_ticket_history_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_ticket_history_ticket ON ticket_history (ticket_id, id);
