-- Service levels: a category may promise a first answer and a resolution within so much working
-- time (NULL: no promise). Each ticket opened in such a category gets its due times, computed once
-- at opening in the desk's business hours, and the times its reminder and breach notices went out,
-- so each is sent once. next_due_at is the due time the ticket is waiting on now (the first
-- answer's until an agent answers, then the resolution's; NULL once resolved or closed): the
-- panel sorts and filters by it. next_notice_at is when the next reminder or breach notice is
-- due (NULL when none is left to send): the watch finds its work by it.
ALTER TABLE categories ADD COLUMN first_response_minutes INT NULL;
ALTER TABLE categories ADD COLUMN resolution_minutes INT NULL;

CREATE TABLE ticket_service_levels (
    ticket_id                  BIGINT      NOT NULL PRIMARY KEY,
    first_response_due_at      DATETIME(6) NULL,
    resolution_due_at          DATETIME(6) NULL,
    next_due_at                DATETIME(6) NULL,
    next_notice_at             DATETIME(6) NULL,
    first_response_reminded_at DATETIME(6) NULL,
    first_response_breached_at DATETIME(6) NULL,
    resolution_reminded_at     DATETIME(6) NULL,
    resolution_breached_at     DATETIME(6) NULL,
    version                    BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_ticket_service_levels_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_ticket_service_levels_next_due ON ticket_service_levels (next_due_at);
CREATE INDEX ix_ticket_service_levels_next_notice ON ticket_service_levels (next_notice_at);
