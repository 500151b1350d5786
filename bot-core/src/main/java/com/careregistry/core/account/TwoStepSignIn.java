package com.careregistry.core.account;

import com.careregistry.core.common.DomainException;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-step sign-in with an authenticator app (TOTP, RFC 6238; NFR-5): turning it on (a secret, shown
 * as a QR code, confirmed by a first code), the code asked after the password (each good once), and
 * whether an admin must have it. Turning it on moves the account's session stamp.
 */
@Service
public class TwoStepSignIn {

    private static final Duration TOTP_STEP = Duration.ofSeconds(30);

    private final Accounts accounts;
    private final PanelSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(TOTP_STEP, 6);

    public TwoStepSignIn(Accounts accounts, PanelSettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }


    /** Starts turning on the authenticator app: a new secret (Base32), confirmed later by a first code. */
    @Transactional
    public String beginTotp(Long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new DomainException("account.not-found"));
        byte[] key = new byte[20];
        random.nextBytes(key);
        String secret = new Base32().encodeToString(key).replace("=", "");
        account.beginTotp(secret);
        return secret;
    }

    /** The first code from the app proves it has the secret; from now on sign-in asks for a code. */
    @Transactional
    public void confirmTotp(Long accountId, String code) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new DomainException("account.not-found"));
        OptionalLong step = account.totpSecret() == null ? OptionalLong.empty() : matchingStep(account.totpSecret(), code);
        if (step.isEmpty()) {
            throw new DomainException("account.totp.wrong");
        }
        account.enableTotp();   // flushed by takeTotpStep before its UPDATE
        accounts.takeTotpStep(accountId, step.getAsLong());   // the confirming code cannot sign in as well
    }

    /** The second step of signing in: a code of the account's app, not used before (a code is good once). */
    @Transactional
    public boolean verifyTotp(Long accountId, String code) {
        return accounts.findById(accountId)
                .filter(Account::totpEnabled)
                .map(account -> matchingStep(account.totpSecret(), code))
                .filter(OptionalLong::isPresent)
                .map(step -> accounts.takeTotpStep(accountId, step.getAsLong()) == 1)
                .orElse(false);
    }

    @Transactional
    public void disableTotp(Long accountId) {
        accounts.findById(accountId).ifPresent(Account::disableTotp);
    }

    /** The otpauth:// URI an authenticator app reads from the QR code. */
    @Transactional(readOnly = true)
    public String totpUri(Long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new DomainException("account.not-found"));
        String issuer = "Customer Care Registry";
        return "otpauth://totp/" + encode(issuer + ":" + account.email()) + "?secret=" + account.totpSecret()
                + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
    }

    public boolean totpRequiredFor(LoginAccount account) {
        return account.role() == Role.ADMIN && settings.totpRequiredForAdmins();
    }

    /**
     * The time step (RFC 6238's counter) whose code this is: this moment's, or the step just before
     * or after (clocks drift); empty when it is none of them.
     */
    private OptionalLong matchingStep(String secret, String code) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm());
        Instant now = clock.instant();
        try {
            for (int step = -1; step <= 1; step++) {
                Instant at = now.plus(TOTP_STEP.multipliedBy(step));
                if (MessageDigest.isEqual(typed.getBytes(StandardCharsets.US_ASCII),
                        "%06d".formatted(totp.generateOneTimePassword(key, at)).getBytes(StandardCharsets.US_ASCII))) {
                    return OptionalLong.of(at.getEpochSecond() / TOTP_STEP.toSeconds());
                }
            }
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return OptionalLong.empty();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
