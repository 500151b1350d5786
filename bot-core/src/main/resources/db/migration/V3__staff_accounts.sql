-- One sign-in table for the panel: admins and agents alike, with what sign-in needs
-- (lockout after failed tries, an authenticator app's secret), and single-use tokens for
-- password resets and invitations.

CREATE TABLE accounts (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(100),
    role           VARCHAR(16)  NOT NULL,
    agent_id       BIGINT,
    failed_logins  INT          NOT NULL DEFAULT 0,
    locked_until   DATETIME(6),
    totp_secret    VARCHAR(64),
    totp_enabled   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     DATETIME(6)  NOT NULL,
    last_login_at  DATETIME(6),
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_accounts_email UNIQUE (email),
    CONSTRAINT uk_accounts_agent UNIQUE (agent_id),
    CONSTRAINT fk_accounts_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO accounts (email, password_hash, role, created_at)
    SELECT email, password_hash, 'ADMIN', created_at FROM admins;
INSERT INTO accounts (email, password_hash, role, agent_id, created_at)
    SELECT email, password_hash, 'AGENT', id, created_at FROM agents WHERE email NOT IN (SELECT email FROM admins);

DROP TABLE admins;
ALTER TABLE agents DROP COLUMN password_hash;

CREATE TABLE account_tokens (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT       NOT NULL,
    purpose     VARCHAR(16)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6),
    CONSTRAINT uk_account_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_account_tokens_account ON account_tokens (account_id, purpose);
