package com.careregistry.core.sla;

import com.careregistry.core.category.Categories;
import com.careregistry.core.category.Category;
import com.careregistry.core.category.ServiceTargets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** When a ticket's first answer and resolution are due: its category's targets, counted in business hours. */
@Component
public class Deadlines {

    /** A ticket's due times; either may be absent (its category promises nothing there). */
    public record Due(Optional<Instant> firstResponse, Optional<Instant> resolution) {
        public boolean any() {
            return firstResponse.isPresent() || resolution.isPresent();
        }
    }

    private final Categories categories;
    private final SlaSettings settings;
    private final BusinessHours hours;

    Deadlines(Categories categories, SlaSettings settings) {
        this.categories = categories;
        this.settings = settings;
        this.hours = settings.businessHours();
    }

    /** The due times of a ticket of this category opened at {@code openedAt}. */
    public Due of(Long categoryId, Instant openedAt) {
        ServiceTargets targets = categories.findById(categoryId).map(Category::targets).orElse(ServiceTargets.NONE);
        return new Due(targets.firstResponseTarget().map(target -> hours.plus(openedAt, target)),
                targets.resolutionTarget().map(target -> hours.plus(openedAt, target)));
    }

    /** What this category promises for a first answer; empty when nothing. */
    public Optional<Duration> firstResponseTarget(Long categoryId) {
        return categories.findById(categoryId).flatMap(category -> category.targets().firstResponseTarget());
    }

    public BusinessHours hours() {
        return hours;
    }

    Duration remindBefore() {
        return settings.remindBefore();
    }
}
