package com.careregistry.core.account;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentEvents;
import com.careregistry.core.agent.Agents;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The panel's accounts (A1, M1) and signing in: throttled attempts ({@link SignInThrottle}), sessions
 * ended when the account changes (its session stamp), admins, and an account with an invitation for
 * each new agent. Passwords and their links are {@link Passwords}'; the authenticator app is
 * {@link TwoStepSignIn}'s.
 */
@Service
public class StaffAccounts {


    private final Accounts accounts;
    private final Agents agents;
    private final Outbox outbox;
    private final Texts texts;
    private final PanelSettings settings;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Passwords passwordRules;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();
    /** Checked instead when no password is there to check, so that takes as long as a real check. */
    private final String noPassword;

    public StaffAccounts(Accounts accounts, Passwords passwordRules, Agents agents, Outbox outbox, Texts texts,
                         PanelSettings settings, SignInThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.passwordRules = passwordRules;
        this.passwords = passwordRules.encoder();
        this.noPassword = passwords.encode(randomText());
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
        boolean fits = Passwords.fitsBcrypt(typed);   // a longer one is never right
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
        return accounts.save(Account.admin(address, passwords.encode(Passwords.checked(password)), clock.instant()));
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
        String token = passwordRules.issue(account, AccountToken.Purpose.INVITE, Passwords.INVITE_VALIDITY);
        outbox.toEmail(agent.email(), texts.get(agent.language(), "email.invite.subject"),
                texts.get(agent.language(), "email.invite.body", agent.firstName(),
                        settings.link("/set-password?token=" + token), Passwords.INVITE_VALIDITY.toDays()), null);
    }
}
