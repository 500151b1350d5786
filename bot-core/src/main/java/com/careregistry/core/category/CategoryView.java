package com.careregistry.core.category;

/**
 * A category as the edges see it: what a customer picks, what an admin renames or retires, and
 * what it promises (its service-level targets).
 */
public record CategoryView(long id, String name, boolean active, ServiceTargets targets) {

    public CategoryView(long id, String name, boolean active) {
        this(id, name, active, ServiceTargets.NONE);
    }

    static CategoryView of(Category category) {
        return new CategoryView(category.id(), category.name(), category.active(), category.targets());
    }
}
