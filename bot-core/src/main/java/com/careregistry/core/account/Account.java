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
import java.time.Instant;

/**
 * How a member of staff signs in to the panel: email, BCrypt password, role (an agent's account
 * belongs to their agent), an authenticator app's secret, and the stamp every session carries.
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

    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    /** The time step of the last authenticator code accepted: a code is good once. */
    @Column(name = "totp_last_step")
    private Long totpLastStep;

    /** Moves on to end every session signed in before (see {@link #endSessions()}). */
    @Column(name = "session_stamp", nullable = false)
    private long sessionStamp;

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

    public long sessionStamp() {
        return sessionStamp;
    }

    public boolean totpEnabled() {
        return totpEnabled;
    }

    String totpSecret() {
        return totpSecret;
    }

    void signedIn(Instant now) {
        lastLoginAt = now;
    }

    /** A new password ends every session signed in with the old one. */
    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        endSessions();
    }

    /** Every session signed in until now ends at its next request. */
    void endSessions() {
        sessionStamp++;
    }

    void beginTotp(String secret) {
        this.totpSecret = secret;
        this.totpEnabled = false;
        this.totpLastStep = null;
    }

    /** On from now: sessions signed in without a code end. */
    void enableTotp() {
        this.totpEnabled = true;
        endSessions();
    }

    void disableTotp() {
        this.totpSecret = null;
        this.totpEnabled = false;
        this.totpLastStep = null;
    }
}
