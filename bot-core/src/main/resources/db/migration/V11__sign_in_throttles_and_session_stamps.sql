-- Sign-in throttling replaces the lock on accounts. Five wrong passwords used to lock the account for
-- 15 minutes, so anyone could lock anyone out, and only a known account was counted (which told, by
-- its slower answers, that the email existed). Now attempts are counted per attempted email and per
-- source address, whether an account has the email or not, in a table every instance shares. A key
-- is 'e:' or 'a:' and the SHA-256 (hex) of the lower-cased email or the address: the table holds
-- neither. The reset link still works while an email is throttled, and using it lifts the throttle.
CREATE TABLE sign_in_throttles (
    throttle_key     VARCHAR(70) NOT NULL PRIMARY KEY,
    attempts         INT         NOT NULL,
    last_attempt_at  DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_sign_in_throttles_last ON sign_in_throttles (last_attempt_at);

ALTER TABLE accounts DROP COLUMN failed_logins;
ALTER TABLE accounts DROP COLUMN locked_until;

-- Every panel session carries the stamp its account had at sign-in and is ended at its next request
-- once the stamp moved on: deactivating an agent, a new password, or turning on two-step sign-in.
ALTER TABLE accounts ADD COLUMN session_stamp BIGINT NOT NULL DEFAULT 0;
