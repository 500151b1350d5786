package com.careregistry.core.account;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentEvents;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in to the panel (A1, M1) and what keeps it safe: throttled attempts ({@link SignInThrottle}),
 * sessions ended when the account changes (its session stamp), password
 * reset by a single-use emailed link (A4, M5), invitations for new agents, and two-step
 * sign-in with an authenticator app (TOTP, RFC 6238; NFR-5).
 */
@Service
public class StaffAccounts {

    public static final Duration RESET_VALIDITY = Duration.ofMinutes(30);
    public static final Duration INVITE_VALIDITY = Duration.ofDays(7);
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Duration TOTP_STEP = Duration.ofSeconds(30);

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final Agents agents;
    private final Outbox outbox;
    private final Texts texts;
    private final PanelSettings settings;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder();
    private final SecureRandom random = new SecureRandom();
    /** Checked instead when no password is there to check, so that takes as long as a real check. */
    private final String noPassword = passwords.encode(randomText());
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(TOTP_STEP, 6);

    public StaffAccounts(Accounts accounts, AccountTokens tokens, Agents agents, Outbox outbox, Texts texts,
                         PanelSettings settings, SignInThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.agents = agents;
        this.outbox = outbox;
        this.texts = texts;
        this.settings = settings;
        this.throttle = throttle;
        this.clock = clock;
    }

    private String randomText() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public PasswordEncoder passwordEncoder() {
        return passwords;
    }

    // ------------------------------------------------------------ sign-in

    @Transactional(readOnly = true)
    public Optional<LoginAccount> forLogin(String email) {
        return accounts.findByEmailIgnoreCase(email == null ? "" : email.strip()).map(this::login);
    }

    private LoginAccount login(Account account) {
        boolean enabled = account.passwordHash() != null && (account.agentId() == null
                || agents.findById(account.agentId()).map(Agent::active).orElse(false));
        return new LoginAccount(account.id(), account.email(), account.passwordHash(), account.role(), account.agentId(),
                enabled, account.totpEnabled(), account.sessionStamp());
    }

    @Transactional(readOnly = true)
    public LoginAccount get(Long accountId) {
        return login(accounts.findById(accountId).orElseThrow(() -> new DomainException("account.not-found")));
    }

    /**
     * A password typed at sign-in, from {@code address}. Does the same work whether or not an
     * account has the email (one BCrypt check, the attempt counted): the account comes back only
     * when the password is right, the account may sign in and neither the email nor the address is
     * throttled; the wait is the throttle's for this email and address.
     */
    @Transactional
    public SignInAttempt checkPassword(String email, String password, String address) {
        SignInThrottle.Attempt attempt = throttle.attempt(email, address);
        Optional<Account> account = accounts.findByEmailIgnoreCase(email == null ? "" : email.strip());
        String hash = account.map(Account::passwordHash).orElse(null);
        String typed = password == null ? "" : password;
        boolean fits = typed.getBytes(StandardCharsets.UTF_8).length <= 72;   // BCrypt's limit; longer is never right
        boolean right = passwords.matches(fits ? typed : "", hash == null ? noPassword : hash) && fits && hash != null;
        Optional<LoginAccount> login = account.map(this::login);
        if (right && !attempt.throttled() && login.map(LoginAccount::enabled).orElse(false)) {
            throttle.passwordAccepted(address);
            return new SignInAttempt(login, attempt.waitBeforeAnswer());
        }
        return new SignInAttempt(Optional.empty(), attempt.waitBeforeAnswer());
    }

    /**
     * A wrong code at the second step of signing in: counted like a wrong password. When it says
     * throttled, this try to sign in ends; its answer waits like a password's.
     */
    @Transactional
    public SignInThrottle.Attempt failedSecondStep(Long accountId, String address) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new DomainException("account.not-found"));
        return throttle.attempt(account.email(), address);
    }

    /** Signed in for real (the password, and the code when the app is on): the email's attempts start again. */
    @Transactional
    public void signedIn(Long accountId) {
        accounts.findById(accountId).ifPresent(account -> {
            account.signedIn(clock.instant());
            throttle.lift(account.email());
        });
    }

    /** The stamp this account's sessions must carry; empty when the account is gone. */
    @Transactional(readOnly = true)
    public Optional<Long> sessionStamp(Long accountId) {
        return accounts.sessionStamp(accountId);
    }

    /** An agent was deactivated: every session of their account ends at its next request. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgentEvents.AgentDeactivated event) {
        accounts.findByAgentId(event.agentId()).ifPresent(Account::endSessions);
    }

    /** A new agent: their account, without a password, and the invitation to set one. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgentEvents.AgentCreated event) {
        inviteAgent(agents.findById(event.agentId()).orElseThrow());
    }

    // ------------------------------------------------------------ accounts

    /** The first admin, or another one. */
    @Transactional
    public Account createAdmin(String email, String password) {
        String address = com.careregistry.core.agent.CreateAgentCommand.normalizeEmail(email);
        if (accounts.findByEmailIgnoreCase(address).isPresent()) {
            throw new DomainException("account.email.taken", address);
        }
        return accounts.save(Account.admin(address, passwords.encode(checked(password)), clock.instant()));
    }

    @Transactional(readOnly = true)
    public long admins() {
        return accounts.countByRole(Role.ADMIN);
    }

    /** A new agent's account, without a password: an invitation email lets them set one. */
    @Transactional(propagation = Propagation.MANDATORY)
    void inviteAgent(Agent agent) {
        if (accounts.findByEmailIgnoreCase(agent.email()).isPresent()) {
            throw new DomainException("account.email.taken", agent.email());
        }
        Account account = accounts.save(Account.agent(agent.email(), agent.id(), clock.instant()));
        String token = issue(account, AccountToken.Purpose.INVITE, INVITE_VALIDITY);
        outbox.toEmail(agent.email(), texts.get(agent.language(), "email.invite.subject"),
                texts.get(agent.language(), "email.invite.body", agent.firstName(),
                        settings.link("/set-password?token=" + token), INVITE_VALIDITY.toDays()), null);
    }

    // ------------------------------------------------------------ passwords

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

    private static String checked(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new DomainException("account.password.too-short", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > 72 || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new DomainException("account.password.too-long", 72);
        }
        return password;
    }

    private String issue(Account account, AccountToken.Purpose purpose, Duration validity) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.save(new AccountToken(account.id(), purpose, hash(token), now, now.plus(validity)));
        return token;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------ two-step sign-in

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
