package com.careregistry.core.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** What a customer picks when opening a ticket; agents serve categories (NFR-2). */
@Entity
@Table(name = "categories")
public class Category {

    public static final int MAX_NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "first_response_minutes")
    private Integer firstResponseMinutes;

    @Column(name = "resolution_minutes")
    private Integer resolutionMinutes;

    protected Category() {
    }

    Category(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return active;
    }

    /** What this category promises its customers, in working time. */
    public ServiceTargets targets() {
        return new ServiceTargets(minutes(firstResponseMinutes), minutes(resolutionMinutes));
    }

    void promise(ServiceTargets targets) {
        firstResponseMinutes = targets.firstResponseTarget().map(d -> (int) d.toMinutes()).orElse(null);
        resolutionMinutes = targets.resolutionTarget().map(d -> (int) d.toMinutes()).orElse(null);
    }

    private static Duration minutes(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    void rename(String name) {
        this.name = name;
    }

    void retire() {
        this.active = false;
    }

    void restore() {
        this.active = true;
    }
}
