-- Answers before a ticket: admins keep short articles, for one category or (category_id NULL) for
-- all, with keywords (comma-separated, lower-cased words); a customer's description that matches
-- them is answered with up to three before a ticket is opened.
CREATE TABLE articles (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    category_id  BIGINT,
    title        VARCHAR(200) NOT NULL,
    body         TEXT         NOT NULL,
    keywords     VARCHAR(500) NOT NULL,
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_articles_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_articles_active_category ON articles (active, category_id);

-- Each time articles were offered instead of opening a ticket at once, and what came of it:
-- OFFERED (no answer yet, or the customer cancelled), SOLVED (a ticket prevented) or OPENED.
-- article_ids: the ids offered, comma-separated, best match first.
CREATE TABLE article_offers (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id  BIGINT       NOT NULL,
    category_id  BIGINT       NOT NULL,
    article_ids  VARCHAR(100) NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    offered_at   DATETIME(6)  NOT NULL,
    answered_at  DATETIME(6),
    CONSTRAINT fk_article_offers_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT fk_article_offers_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_article_offers_offered ON article_offers (offered_at, outcome);
