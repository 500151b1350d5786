package com.careregistry.core.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ticket's service level: when its first answer and its resolution are due (fixed at opening),
 * which of them it still waits on, and which reminders and breach notices went out (each once).
 */
@Entity
@Table(name = "ticket_service_levels")
public class ServiceLevel {

    /** What a ticket was promised. */
    public enum Target {
        FIRST_RESPONSE,
        RESOLUTION
    }

    /** A notice to send now: the reminder before {@code due}, or the breach at it. */
    public record Notice(Target target, boolean breach, Instant due) {
    }

    @Id
    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "first_response_due_at")
    private Instant firstResponseDueAt;

    @Column(name = "resolution_due_at")
    private Instant resolutionDueAt;

    @Column(name = "next_due_at")
    private Instant nextDueAt;

    @Column(name = "next_notice_at")
    private Instant nextNoticeAt;

    @Column(name = "first_response_reminded_at")
    private Instant firstResponseRemindedAt;

    @Column(name = "first_response_breached_at")
    private Instant firstResponseBreachedAt;

    @Column(name = "resolution_reminded_at")
    private Instant resolutionRemindedAt;

    @Column(name = "resolution_breached_at")
    private Instant resolutionBreachedAt;

    @Version
    private Long version;

    protected ServiceLevel() {
    }

    ServiceLevel(Long ticketId, Deadlines.Due due, Duration remindBefore) {
        this.ticketId = ticketId;
        this.firstResponseDueAt = due.firstResponse().orElse(null);
        this.resolutionDueAt = due.resolution().orElse(null);
        follow(new Progress(false, false), remindBefore);
    }

    /** Where the ticket stands: answered by an agent yet, resolved or closed. */
    record Progress(boolean answered, boolean finished) {
    }

    /** The ticket moved: what it waits on now, and when the next notice is due. */
    void follow(Progress progress, Duration remindBefore) {
        Instant firstResponse = waitsOnFirstResponse(progress) ? firstResponseDueAt : null;
        Instant resolution = progress.finished() ? null : resolutionDueAt;
        nextDueAt = firstResponse != null ? firstResponse : resolution;
        nextNoticeAt = earliest(noticeAt(firstResponse, firstResponseRemindedAt, firstResponseBreachedAt, remindBefore),
                noticeAt(resolution, resolutionRemindedAt, resolutionBreachedAt, remindBefore));
    }

    /**
     * The notices due at {@code now}, each marked sent so it is never sent again: a reminder from
     * {@code remindBefore} ahead of a due time the ticket still waits on, a breach once it has passed. A reminder
     * whose moment came with the breach already due is not sent: the breach says more.
     */
    List<Notice> noticesDue(Progress progress, Instant now, Duration remindBefore) {
        List<Notice> due = new ArrayList<>();
        if (waitsOnFirstResponse(progress)) {
            if (firstResponseBreachedAt == null && now.isAfter(firstResponseDueAt)) {
                firstResponseBreachedAt = now;
                firstResponseRemindedAt = firstResponseRemindedAt == null ? now : firstResponseRemindedAt;
                due.add(new Notice(Target.FIRST_RESPONSE, true, firstResponseDueAt));
            } else if (firstResponseRemindedAt == null && !now.isBefore(firstResponseDueAt.minus(remindBefore))) {
                firstResponseRemindedAt = now;
                due.add(new Notice(Target.FIRST_RESPONSE, false, firstResponseDueAt));
            }
        }
        if (!progress.finished() && resolutionDueAt != null) {
            if (resolutionBreachedAt == null && now.isAfter(resolutionDueAt)) {
                resolutionBreachedAt = now;
                resolutionRemindedAt = resolutionRemindedAt == null ? now : resolutionRemindedAt;
                due.add(new Notice(Target.RESOLUTION, true, resolutionDueAt));
            } else if (resolutionRemindedAt == null && !now.isBefore(resolutionDueAt.minus(remindBefore))) {
                resolutionRemindedAt = now;
                due.add(new Notice(Target.RESOLUTION, false, resolutionDueAt));
            }
        }
        follow(progress, remindBefore);
        return due;
    }

    private boolean waitsOnFirstResponse(Progress progress) {
        return firstResponseDueAt != null && !progress.answered() && !progress.finished();
    }

    private static Instant noticeAt(Instant due, Instant reminded, Instant breached, Duration remindBefore) {
        if (due == null || breached != null) {
            return null;
        }
        return reminded == null ? due.minus(remindBefore) : due.plusNanos(1000);   // a breach is due once the due time has passed
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    public Long ticketId() {
        return ticketId;
    }

    public Optional<Instant> firstResponseDue() {
        return Optional.ofNullable(firstResponseDueAt);
    }

    public Optional<Instant> resolutionDue() {
        return Optional.ofNullable(resolutionDueAt);
    }

    /** The due time the ticket waits on now; empty once it is resolved or has no target left. */
    public Optional<Instant> nextDue() {
        return Optional.ofNullable(nextDueAt);
    }
}
