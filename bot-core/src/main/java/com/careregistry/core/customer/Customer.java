package com.careregistry.core.customer;

import com.careregistry.core.common.ChatUser;
import com.careregistry.core.text.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** Someone who asks us for help. Reached through one or more chat identities. */
@Entity
@Table(name = "customers")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String language;

    /** The customer chose the language themselves; until then it follows what their chat client reports. */
    @Column(name = "language_chosen", nullable = false)
    private boolean languageChosen;

    private String email;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Customer() {
    }

    Customer(ChatUser user, Instant now) {
        this.displayName = user.displayName();
        this.language = Texts.normalize(user.language());
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String language() {
        return language;
    }

    /** The customer chose the language with /language (else it follows their chat client). */
    public boolean languageChosen() {
        return languageChosen;
    }

    /** The email, once the customer has proved it is theirs. */
    public Optional<String> verifiedEmail() {
        return emailVerifiedAt == null ? Optional.empty() : Optional.ofNullable(email);
    }

    public Instant createdAt() {
        return createdAt;
    }

    void changeLanguage(String language) {
        this.language = Texts.normalize(language);
        this.languageChosen = true;
    }

    /**
     * The chat client reports a language (an app language, a Discord locale): we speak it unless the
     * customer chose one with /language. Returns whether the language changed.
     */
    boolean followClientLanguage(String reported) {
        if (languageChosen || reported == null || reported.isBlank()) {
            return false;
        }
        String normalized = Texts.normalize(reported);
        if (normalized.equals(language)) {
            return false;
        }
        this.language = normalized;
        return true;
    }

    public void verifyEmail(String email, Instant at) {
        this.email = email;
        this.emailVerifiedAt = at;
    }
}
