package com.careregistry.core.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time code sent to an email address to prove it is the customer's. Only its hash is kept. */
@Entity
@Table(name = "email_verifications")
public class EmailVerification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(nullable = false)
    private String email;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(nullable = false)
    private int attempts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VerificationStatus status = VerificationStatus.PENDING;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected EmailVerification() {
    }

    EmailVerification(Long customerId, String email, String codeHash, Instant now, Instant expiresAt) {
        this.customerId = customerId;
        this.email = email;
        this.codeHash = codeHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    Long customerId() {
        return customerId;
    }

    String email() {
        return email;
    }

    String codeHash() {
        return codeHash;
    }

    int attempts() {
        return attempts;
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    void countAttempt() {
        attempts++;
    }

    void confirm(Instant now) {
        status = VerificationStatus.CONFIRMED;
        confirmedAt = now;
    }

    void cancel() {
        status = VerificationStatus.CANCELLED;
    }
}
