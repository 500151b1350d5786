package com.careregistry.core.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.common.DomainException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Targets as admins type them in the panel, and back. */
class ServiceTargetsTest {

    @Test
    void hoursAndMinutesAsPeopleWriteThem() {
        assertThat(ServiceTargets.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ServiceTargets.parse(" 1h 30m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ServiceTargets.parse("45 min")).isEqualTo(Duration.ofMinutes(45));
        assertThat(ServiceTargets.parse("90")).as("a bare number is minutes").isEqualTo(Duration.ofMinutes(90));
        assertThat(ServiceTargets.parse("")).as("no target").isNull();
        assertThat(ServiceTargets.format(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(ServiceTargets.format(Duration.ofHours(8))).isEqualTo("8h");
    }

    @Test
    void anythingElseIsRefusedSayingWhatATargetLooksLike() {
        for (String bad : new String[] {"two hours", "0m", "-5", "9999h", "1.5h"}) {
            assertThatThrownBy(() -> ServiceTargets.parse(bad)).as(bad).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).textKey()).isEqualTo("category.target.invalid");
        }
    }
}
