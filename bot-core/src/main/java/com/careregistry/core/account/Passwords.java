package com.careregistry.core.account;

import com.careregistry.core.common.DomainException;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords of the panel's accounts (A4, M5): what a password must be, the single-use emailed links
 * that set one (a reset, valid 30 minutes; an invitation, valid 7 days), and a change from the profile.
 * A new password moves the account's session stamp, so its other sessions end.
 */
@Service
public class Passwords {

    public static final Duration RESET_VALIDITY = Duration.ofMinutes(30);
    public static final Duration INVITE_VALIDITY = Duration.ofDays(7);
    public static final int MIN_PASSWORD_LENGTH = 10;
    /** BCrypt reads no more than this many bytes of a password: a longer one is refused, never cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final Outbox outbox;
    private final Texts texts;
    private final PanelSettings settings;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder();
    private final SecureRandom random = new SecureRandom();

    public Passwords(Accounts accounts, AccountTokens tokens, Outbox outbox, Texts texts, PanelSettings settings,
                     SignInThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.outbox = outbox;
        this.texts = texts;
        this.settings = settings;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** BCrypt, as every password hash of the panel is made and checked. */
    public PasswordEncoder encoder() {
        return passwords;
    }


    /**
     * Forgot password: a single-use link valid 30 minutes goes to the email, if an account has it.
     * Says nothing about whether one does: the caller answers the same either way. Written in
     * {@code language}, the panel's where it was asked.
     */
    @Transactional
    public void startPasswordReset(String email, String language) {
        accounts.findByEmailIgnoreCase(email == null ? "" : email.strip()).ifPresent(account -> {
            String token = issue(account, AccountToken.Purpose.RESET, RESET_VALIDITY);
            outbox.toEmail(account.email(), texts.get(language, "email.reset.subject"),
                    texts.get(language, "email.reset.body", settings.link("/reset-password?token=" + token),
                            RESET_VALIDITY.toMinutes()), null);
        });
    }

    /** Whether a link's token can still be used (to show the form or a clear text). */
    @Transactional(readOnly = true)
    public boolean tokenUsable(String token) {
        return token != null && tokens.findByTokenHash(hash(token)).map(t -> t.usableAt(clock.instant())).orElse(false);
    }

    /**
     * Sets a new password through a reset or invitation link; the link is used up, every session of
     * the account ends, and the email's throttle is lifted. Works while the email is throttled.
     */
    @Transactional
    public void setPasswordWithToken(String token, String newPassword) {
        String checked = checked(newPassword);
        AccountToken found = tokens.findByTokenHash(hash(token == null ? "" : token))
                .filter(t -> t.usableAt(clock.instant()))
                .orElseThrow(() -> new DomainException("account.link.invalid"));
        Account account = accounts.findById(found.accountId()).orElseThrow();
        found.use(clock.instant());
        account.setPasswordHash(passwords.encode(checked));
        throttle.lift(account.email());   // the owner is back, whatever strangers tried meanwhile
    }

    /** A new password from the profile: every session of the account ends (the caller keeps its own). */
    @Transactional
    public void changePassword(Long accountId, String current, String newPassword) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new DomainException("account.not-found"));
        if (current == null || account.passwordHash() == null || !passwords.matches(current, account.passwordHash())) {
            throw new DomainException("account.password.wrong");
        }
        account.setPasswordHash(passwords.encode(checked(newPassword)));
    }

    /** The password, when it is one we take (long enough, and within what BCrypt reads). */
    static String checked(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new DomainException("account.password.too-short", MIN_PASSWORD_LENGTH);
        }
        if (!fitsBcrypt(password)) {
            throw new DomainException("account.password.too-long", MAX_PASSWORD_BYTES);
        }
        return password;
    }

    /** Whether BCrypt reads all of this password. */
    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    /** A single-use link's token for the account; only its hash is kept. */
    String issue(Account account, AccountToken.Purpose purpose, Duration validity) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.save(new AccountToken(account.id(), purpose, hash(token), now, now.plus(validity)));
        return token;
    }

    /** What is kept of a secret (a link's token, a throttled email or address): its SHA-256, in hex. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
