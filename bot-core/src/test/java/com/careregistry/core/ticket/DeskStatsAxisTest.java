package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dashboard chart's axis ends at a round number that holds the busiest day, with a whole half. */
class DeskStatsAxisTest {

    @Test
    void theAxisEndsAtTwoFourOrTenTimesAPowerOfTen() {
        assertThat(axisFor(0)).isEqualTo(2);
        assertThat(axisFor(2)).isEqualTo(2);
        assertThat(axisFor(3)).isEqualTo(4);
        assertThat(axisFor(5)).isEqualTo(10);
        assertThat(axisFor(11)).isEqualTo(20);
        assertThat(axisFor(41)).isEqualTo(100);
        assertThat(axisFor(1001)).isEqualTo(2000);
    }

    private static long axisFor(long busiest) {
        return new DeskStats.Stats(Map.of(), 0, 0, 0, Optional.empty(), Optional.empty(), Map.of(LocalDate.of(2026, 12, 1), busiest))
                .axisMax();
    }
}
