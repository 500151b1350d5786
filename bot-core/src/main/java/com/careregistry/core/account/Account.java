package com.careregistry.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * How a member of staff signs in to the panel: email, BCrypt password, role (an agent's account
 * belongs to their agent), lockout after failed tries, and an authenticator app's secret.
 */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    /** BCrypt; empty until an invited agent sets a password. */
    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    /** The time step of the last authenticator code accepted: a code is good once. */
    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Version
    private long version;

    protected Account() {
    }

    static Account admin(String email, String passwordHash, Instant now) {
        Account account = new Account();
        account.email = email;
        account.passwordHash = passwordHash;
        account.role = Role.ADMIN;
        account.createdAt = now;
        return account;
    }

    static Account agent(String email, Long agentId, Instant now) {
        Account account = new Account();
        account.email = email;
        account.role = Role.AGENT;
        account.agentId = agentId;
        account.createdAt = now;
        return account;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Long agentId() {
        return agentId;
    }

    public int failedLogins() {
        return failedLogins;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean totpEnabled() {
        return totpEnabled;
    }

    String totpSecret() {
        return totpSecret;
    }

    void failedLogin(Instant now, int lockAfter, Duration lockFor) {
        failedLogins++;
        if (failedLogins >= lockAfter) {
            lockedUntil = now.plus(lockFor);
            failedLogins = 0;
        }
    }

    void signedIn(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    void beginTotp(String secret) {
        this.totpSecret = secret;
        this.totpEnabled = false;
        this.totpLastStep = null;
    }

    void enableTotp() {
        this.totpEnabled = true;
    }

    void disableTotp() {
        this.totpSecret = null;
        this.totpEnabled = false;
        this.totpLastStep = null;
    }
}
