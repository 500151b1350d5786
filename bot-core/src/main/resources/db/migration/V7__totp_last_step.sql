-- NFR-5: an authenticator code is good once. The time step of the last code accepted is kept, and a
-- code of that step or an earlier one is refused, so a code seen over someone's shoulder (or sent
-- twice) cannot sign in again within its 30-90 seconds of validity.
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT;
