-- Customer Care Registry: the ticket core.
-- Runs unchanged on MariaDB 10.11 and on H2 in MODE=MariaDB.

CREATE TABLE categories (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uk_categories_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO categories (name, active, created_at) VALUES ('General', TRUE, CURRENT_TIMESTAMP(6));

CREATE TABLE customers (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    display_name       VARCHAR(200) NOT NULL,
    language           VARCHAR(16)  NOT NULL,
    email              VARCHAR(254),
    email_verified_at  DATETIME(6),
    created_at         DATETIME(6)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_customers_email ON customers (email);

-- A chat identity is how a customer signs in: (channel, external user id) is theirs alone.
CREATE TABLE customer_identities (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id       BIGINT       NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    external_user_id  VARCHAR(64)  NOT NULL,
    chat_id           VARCHAR(64)  NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uk_customer_identities UNIQUE (channel, external_user_id),
    CONSTRAINT fk_customer_identities_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_customer_identities_customer ON customer_identities (customer_id, channel);

CREATE TABLE admins (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uk_admins_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agents (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    first_name     VARCHAR(100) NOT NULL,
    last_name      VARCHAR(100),
    email          VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(100),
    language       VARCHAR(16)  NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_agents_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agent_categories (
    agent_id     BIGINT NOT NULL,
    category_id  BIGINT NOT NULL,
    PRIMARY KEY (agent_id, category_id),
    CONSTRAINT fk_agent_categories_agent FOREIGN KEY (agent_id) REFERENCES agents (id),
    CONSTRAINT fk_agent_categories_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_agent_categories_category ON agent_categories (category_id);

CREATE TABLE agent_identities (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    agent_id          BIGINT       NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    external_user_id  VARCHAR(64)  NOT NULL,
    chat_id           VARCHAR(64)  NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uk_agent_identities UNIQUE (channel, external_user_id),
    CONSTRAINT fk_agent_identities_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_agent_identities_agent ON agent_identities (agent_id, channel);

CREATE TABLE agent_join_requests (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel           VARCHAR(16)  NOT NULL,
    external_user_id  VARCHAR(64)  NOT NULL,
    chat_id           VARCHAR(64)  NOT NULL,
    display_name      VARCHAR(200) NOT NULL,
    language          VARCHAR(16)  NOT NULL,
    note              VARCHAR(1000),
    status            VARCHAR(16)  NOT NULL,
    agent_id          BIGINT,
    created_at        DATETIME(6)  NOT NULL,
    decided_at        DATETIME(6),
    CONSTRAINT fk_agent_join_requests_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_agent_join_requests_status ON agent_join_requests (status, created_at);
CREATE INDEX ix_agent_join_requests_identity ON agent_join_requests (channel, external_user_id, status);

CREATE SEQUENCE ticket_numbers START WITH 1001 INCREMENT BY 1;

CREATE TABLE tickets (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    number             BIGINT       NOT NULL,
    customer_id        BIGINT       NOT NULL,
    category_id        BIGINT       NOT NULL,
    channel            VARCHAR(16)  NOT NULL,
    subject            VARCHAR(120) NOT NULL,
    description        TEXT         NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    agent_id           BIGINT,
    opened_at          DATETIME(6)  NOT NULL,
    first_response_at  DATETIME(6),
    resolved_at        DATETIME(6),
    closed_at          DATETIME(6),
    last_activity_at   DATETIME(6)  NOT NULL,
    rating             INT,
    rating_comment     VARCHAR(1000),
    rated_at           DATETIME(6),
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_tickets_number UNIQUE (number),
    CONSTRAINT fk_tickets_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_tickets_category FOREIGN KEY (category_id) REFERENCES categories (id),
    CONSTRAINT fk_tickets_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- a customer's tickets, newest first
CREATE INDEX ix_tickets_customer ON tickets (customer_id, opened_at);
-- the unassigned queue, oldest first (status OPEN)
CREATE INDEX ix_tickets_status_opened ON tickets (status, opened_at);
-- an agent's tickets by last activity, and open load per agent
CREATE INDEX ix_tickets_agent ON tickets (agent_id, status, last_activity_at);

CREATE TABLE ticket_messages (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id            BIGINT       NOT NULL,
    author_type          VARCHAR(16)  NOT NULL,
    agent_id             BIGINT,
    body                 TEXT,
    channel              VARCHAR(16),
    external_message_id  VARCHAR(64),
    created_at           DATETIME(6)  NOT NULL,
    edited_at            DATETIME(6),
    CONSTRAINT fk_ticket_messages_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
    CONSTRAINT fk_ticket_messages_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_ticket_messages_ticket ON ticket_messages (ticket_id, id);
CREATE INDEX ix_ticket_messages_external ON ticket_messages (channel, external_message_id);

CREATE TABLE ticket_message_attachments (
    message_id  BIGINT       NOT NULL,
    position    INT          NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    file_ref    VARCHAR(512) NOT NULL,
    file_name   VARCHAR(255),
    PRIMARY KEY (message_id, position),
    CONSTRAINT fk_ticket_message_attachments FOREIGN KEY (message_id) REFERENCES ticket_messages (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The staff thread of a ticket on one platform (a Telegram forum topic, a Discord thread).
CREATE TABLE staff_threads (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT       NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    chat_id     VARCHAR(64)  NOT NULL,
    thread_id   VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uk_staff_threads_ticket UNIQUE (ticket_id, channel),
    CONSTRAINT fk_staff_threads_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_staff_threads_thread ON staff_threads (channel, chat_id, thread_id);

-- Inbox: every inbound platform event, recorded in the transaction of its effect.
CREATE TABLE inbound_events (
    channel            VARCHAR(16)  NOT NULL,
    external_event_id  VARCHAR(128) NOT NULL,
    received_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (channel, external_event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_inbound_events_received ON inbound_events (received_at);

-- Multi-step chat flows: their step and data, never in memory.
CREATE TABLE conversation_states (
    channel     VARCHAR(16)  NOT NULL,
    chat_id     VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    step        VARCHAR(64)  NOT NULL,
    data        TEXT,
    updated_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (channel, chat_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_conversation_states_expires ON conversation_states (expires_at);

-- Outbox: every message the system sends, written with the change that caused it.
CREATE TABLE outbox_messages (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel              VARCHAR(16)   NOT NULL,
    chat_id              VARCHAR(64),
    thread_id            VARCHAR(64),
    email_to             VARCHAR(254),
    ordering_key         VARCHAR(300)  NOT NULL,
    subject              VARCHAR(300),
    body                 TEXT          NOT NULL,
    actions              VARCHAR(2000),
    ticket_id            BIGINT,
    status               VARCHAR(16)   NOT NULL,
    attempts             INT           NOT NULL DEFAULT 0,
    next_attempt_at      DATETIME(6)   NOT NULL,
    locked_until         DATETIME(6),
    last_error           VARCHAR(2000),
    external_message_id  VARCHAR(64),
    created_at           DATETIME(6)   NOT NULL,
    sent_at              DATETIME(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- due rows of a channel; the head of each chat's queue
CREATE INDEX ix_outbox_due ON outbox_messages (channel, status, next_attempt_at);
CREATE INDEX ix_outbox_chat ON outbox_messages (ordering_key, status, id);
CREATE INDEX ix_outbox_ticket ON outbox_messages (ticket_id);

CREATE TABLE email_verifications (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id   BIGINT       NOT NULL,
    email         VARCHAR(254) NOT NULL,
    code_hash     VARCHAR(100) NOT NULL,
    attempts      INT          NOT NULL DEFAULT 0,
    status        VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    confirmed_at  DATETIME(6),
    CONSTRAINT fk_email_verifications_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_email_verifications_customer ON email_verifications (customer_id, status, created_at);
