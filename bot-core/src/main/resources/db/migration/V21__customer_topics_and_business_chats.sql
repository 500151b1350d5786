-- Issue 16. Where a platform gives a bot topics in its private chats (Telegram, Bot API 9.3), each
-- ticket has its own topic in its customer's chat: which one, so that what the customer writes there
-- goes to that ticket and what is said about the ticket goes there.
CREATE TABLE customer_topics (
    ticket_id   BIGINT       NOT NULL PRIMARY KEY,
    channel     VARCHAR(16)  NOT NULL,
    chat_id     VARCHAR(64)  NOT NULL,
    thread_id   VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_customer_topics_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_customer_topics_thread ON customer_topics (channel, chat_id, thread_id);

-- A company's own chat account connected to the bot (Telegram Business): customers write to the
-- company, the bot answers as the company through the connection, while it is enabled and may reply.
CREATE TABLE business_connections (
    channel        VARCHAR(16)   NOT NULL,
    id             VARCHAR(128)  NOT NULL,
    owner_user_id  VARCHAR(64)   NOT NULL,
    owner_name     VARCHAR(200),
    can_reply      BOOLEAN       NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    connected_at   DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (channel, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The customers' chats that go through a connection, and when the customer last wrote there (a
-- business bot may answer within 24 hours of that).
CREATE TABLE business_chats (
    channel                   VARCHAR(16)   NOT NULL,
    chat_id                   VARCHAR(64)   NOT NULL,
    connection_id             VARCHAR(128)  NOT NULL,
    last_customer_message_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (channel, chat_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
