package com.careregistry.core.category;

/** A category as the edges see it: what a customer picks, what an admin renames or retires. */
public record CategoryView(long id, String name, boolean active) {

    static CategoryView of(Category category) {
        return new CategoryView(category.id(), category.name(), category.active());
    }
}
