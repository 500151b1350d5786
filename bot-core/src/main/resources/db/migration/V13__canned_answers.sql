-- Canned answers: short texts agents send often, by name (/canned refund), with {customer},
-- {ticket} and {agent} filled in when sent.
CREATE TABLE canned_answers (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(40)  NOT NULL,
    body        TEXT         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_canned_answers_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
