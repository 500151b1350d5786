package com.careregistry.core.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * When things happened to a ticket: opened, first answered by an agent, resolved, closed, and the
 * last activity of any kind (which orders the lists). The ticket moves it; nobody else can.
 */
@Embeddable
public class Timeline {

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    protected Timeline() {
    }

    static Timeline openedAt(Instant now) {
        Timeline timeline = new Timeline();
        timeline.openedAt = now;
        timeline.lastActivityAt = now;
        return timeline;
    }

    void activity(Instant now) {
        lastActivityAt = now;
    }

    /** An agent wrote; the first time is the first response. */
    void answered(Instant now) {
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        lastActivityAt = now;
    }

    void resolved(Instant now) {
        resolvedAt = now;
        lastActivityAt = now;
    }

    void reopened() {
        resolvedAt = null;
    }

    void closed(Instant now) {
        closedAt = now;
        lastActivityAt = now;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }
}
