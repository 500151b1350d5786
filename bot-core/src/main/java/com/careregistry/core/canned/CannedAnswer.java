package com.careregistry.core.canned;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A short answer agents send often, by its name, with placeholders filled in for the ticket: the
 * desk's (kept by admins) or one agent's own.
 */
@Entity
@Table(name = "canned_answers")
class CannedAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The agent who keeps it; null for the desk's own, kept by admins. */
    @Column(name = "agent_id")
    private Long agentId;

    protected CannedAnswer() {
    }

    CannedAnswer(Long agentId, String name, String body, Instant now) {
        this.agentId = agentId;
        this.name = name;
        this.body = body;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String body() {
        return body;
    }

    Long agentId() {
        return agentId;
    }

    void change(String newBody) {
        this.body = newBody;
    }
}
