package com.careregistry.core.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts sign-in attempts per attempted email and per source address, whether or not an account
 * has the email, so neither the answer nor its timing tells which emails exist. After two attempts
 * with one email each answer waits a second more, up to three; after {@link PanelSettings#throttleAfter}
 * the email is throttled (refused whatever the password) until it has been quiet for
 * {@link PanelSettings#throttleFor}. An address is slowed and throttled the same way near
 * {@link PanelSettings#addressThrottleAfter}. A stranger's tries never lock the owner out for good:
 * the reset link works while an email is throttled, and using it lifts the throttle.
 *
 * <p>The counts are rows of one table every instance shares. An attempt is counted before its
 * password is checked, in one row-locking statement, so parallel tries each see their own count.
 * Hand-written rather than with a rate-limit library: Bucket4j, the well-kept one with a JDBC store,
 * refills tokens with time, while this rule counts attempts in a row and is reset by the domain's
 * events (a complete sign-in, a used reset link), and it comes with a storage layout of its own;
 * the rule here is one table and three statements.
 */
@Component
public class SignInThrottle {

    /** Attempts with one email answered without delay. */
    static final int SLOW_DOWN_AFTER = 2;
    static final int MAX_SLOW_DOWN_STEPS = 3;
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(1);

    private static final String COUNT = """
            UPDATE sign_in_throttles
            SET attempts = CASE WHEN last_attempt_at < ? THEN 1 ELSE attempts + 1 END, last_attempt_at = ?
            WHERE throttle_key = ?""";

    /** What one attempt may do: whether it is refused whatever its password, and how long its answer waits. */
    public record Attempt(boolean throttled, Duration waitBeforeAnswer) {
    }

    private final JdbcTemplate jdbc;
    private final PanelSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    SignInThrottle(JdbcTemplate jdbc, PanelSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Counts an attempt (a password, or a second step's code) with this email from this address. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Attempt attempt(String email, String address) {
        Instant now = clock.instant();
        int byEmail = count(emailKey(email), now) - 1;       // attempts before this one
        int byAddress = count(addressKey(address), now) - 1;
        boolean throttled = byEmail >= settings.throttleAfter() || byAddress >= settings.addressThrottleAfter();
        int steps = Math.max(byEmail - SLOW_DOWN_AFTER + 1,
                byAddress - settings.addressThrottleAfter() + MAX_SLOW_DOWN_STEPS + 1);
        steps = Math.min(Math.max(steps, 0), MAX_SLOW_DOWN_STEPS);
        return new Attempt(throttled, SLOW_DOWN_STEP.multipliedBy(steps));
    }

    /** The password was right: the try does not count against its address (many may share one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void passwordAccepted(String address) {
        jdbc.update("UPDATE sign_in_throttles SET attempts = attempts - 1 WHERE throttle_key = ? AND attempts > 0",
                addressKey(address));
    }

    /** Signed in, or the password set through an emailed link: the email starts again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lift(String email) {
        jdbc.update("DELETE FROM sign_in_throttles WHERE throttle_key = ?", emailKey(email));
    }

    /** Forgets keys quiet for longer than they are remembered (housekeeping calls it); how many were forgotten. */
    public int forgetQuietKeys() {
        Timestamp before = Timestamp.from(clock.instant().minus(settings.throttleFor()));
        Integer forgotten = tx.execute(status -> jdbc.update("DELETE FROM sign_in_throttles WHERE last_attempt_at < ?", before));
        return forgotten == null ? 0 : forgotten;
    }

    private int count(String key, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp stale = Timestamp.from(now.minus(settings.throttleFor()));
        if (jdbc.update(COUNT, stale, at, key) == 0) {
            try {
                jdbc.update("INSERT INTO sign_in_throttles (throttle_key, attempts, last_attempt_at) VALUES (?, 1, ?)", key, at);
                return 1;
            } catch (DuplicateKeyException raced) {
                jdbc.update(COUNT, stale, at, key);
            }
        }
        Integer attempts = jdbc.queryForObject("SELECT attempts FROM sign_in_throttles WHERE throttle_key = ?", Integer.class, key);
        return attempts == null ? 1 : attempts;
    }

    static String emailKey(String email) {
        return "e:" + Passwords.hash(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "a:" + Passwords.hash(address == null ? "" : address);
    }
}
