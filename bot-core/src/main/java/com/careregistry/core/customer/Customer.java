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
     * The language to speak when the chat client reports {@code reported} (an app language, a
     * Discord locale; {@code null} when it reports none): the one chosen with /language, else the
     * reported one, else the one we know.
     */
    public String languageFor(String reported) {
        return languageChosen || reported == null || reported.isBlank() ? language : Texts.normalize(reported);
    }

    /** The chat client reported a language: from now on we speak it, unless the customer chose one. */
    void followClientLanguage(String reported) {
        this.language = languageFor(reported);
    }

    public void verifyEmail(String email, Instant at) {
        this.email = email;
        this.emailVerifiedAt = at;
    }
}
