package com.careregistry.core.agent;

import com.careregistry.core.text.Texts;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A member of staff who answers tickets of their categories. Signs in to the panel with their account. */
@Entity
@Table(name = "agents")
public class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_categories", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "category_id")
    private Set<Long> categoryIds = new HashSet<>();

    /** Tickets ASSIGNED to the agent now; kept by the ticket package's AgentLoadCounter, never written through the entity. */
    @Column(name = "open_tickets", nullable = false, insertable = false, updatable = false)
    private int openTickets;

    /** The most tickets auto-assignment gives the agent at once; null: the desk's limit. */
    @Column(name = "open_limit")
    private Integer openLimit;

    /** Away from chat: auto-assignment gives them nothing until they are back. */
    @Column(nullable = false)
    private boolean away;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Agent() {
    }

    Agent(String firstName, String lastName, String email, String language, Set<Long> categoryIds, Instant now) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.language = Texts.normalize(language);
        this.categoryIds = new HashSet<>(categoryIds);
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String fullName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }

    public String email() {
        return email;
    }

    public String language() {
        return language;
    }

    public boolean active() {
        return active;
    }

    public boolean serves(Long categoryId) {
        return categoryIds.contains(categoryId);
    }

    public Set<Long> categoryIds() {
        return Set.copyOf(categoryIds);
    }

    public int openTickets() {
        return openTickets;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean away() {
        return away;
    }

    /** The most tickets auto-assignment gives the agent at once: their own limit, else the desk's. */
    public int openLimit(int deskLimit) {
        return openLimit != null ? openLimit : deskLimit;
    }

    public Integer ownOpenLimit() {
        return openLimit;
    }

    void away(boolean isAway) {
        this.away = isAway;
    }

    void limitOpenTickets(Integer limit) {
        this.openLimit = limit;
    }

    void deactivate() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
    }

    void serveCategories(Set<Long> categoryIds) {
        this.categoryIds.clear();
        this.categoryIds.addAll(categoryIds);
    }
}
