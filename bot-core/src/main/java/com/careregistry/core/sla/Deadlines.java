package com.careregistry.core.sla;

import com.careregistry.core.category.Categories;
import com.careregistry.core.category.Category;
import com.careregistry.core.category.ServiceTargets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** When a ticket's first answer and resolution are due: its category's targets, counted in business hours. */
@Component
public class Deadlines {

    /** A ticket's due times; either may be absent (its category promises nothing there). */
    record Due(Optional<Instant> firstResponse, Optional<Instant> resolution) {
        public boolean any() {
            return firstResponse.isPresent() || resolution.isPresent();
        }
    }

    /** A ticket's due times as the panel shows them; {@code next} is the one it waits on now (null once none). */
    public record DueTimes(Instant firstResponse, Instant resolution, Instant next) {
    }

    private final Categories categories;
    private final ServiceLevels levels;
    private final SlaSettings settings;
    private final BusinessHours hours;

    Deadlines(Categories categories, ServiceLevels levels, SlaSettings settings) {
        this.categories = categories;
        this.levels = levels;
        this.settings = settings;
        this.hours = settings.businessHours();
    }

    /** The due times of a ticket of this category opened at {@code openedAt}. */
    Due of(Long categoryId, Instant openedAt) {
        ServiceTargets targets = categories.findById(categoryId).map(Category::targets).orElse(ServiceTargets.NONE);
        return new Due(targets.firstResponseTarget().map(target -> hours.plus(openedAt, target)),
                targets.resolutionTarget().map(target -> hours.plus(openedAt, target)));
    }

    /** What this category promises for a first answer; empty when nothing. */
    public Optional<Duration> firstResponseTarget(Long categoryId) {
        return categories.findById(categoryId).flatMap(category -> category.targets().firstResponseTarget());
    }

    /** The due times of a ticket; empty when its category promised nothing when it opened. */
    @Transactional(readOnly = true)
    public Optional<DueTimes> forTicket(Long ticketId) {
        return levels.findById(ticketId).map(level -> new DueTimes(level.firstResponseDue().orElse(null),
                level.resolutionDue().orElse(null), level.nextDue().orElse(null)));
    }

    public BusinessHours hours() {
        return hours;
    }

    Duration remindBefore() {
        return settings.remindBefore();
    }
}
