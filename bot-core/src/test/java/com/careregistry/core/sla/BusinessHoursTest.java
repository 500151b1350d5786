package com.careregistry.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Targets count working time only: the desk's weekdays and hours, in its time zone. */
class BusinessHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final BusinessHours office = BusinessHours.of(BERLIN, "MON-FRI", "09:00-17:00");

    @Test
    void aDeskThatAlwaysWorksCountsWallClockTime() {
        BusinessHours always = BusinessHours.of(ZoneId.of("UTC"), "MON-SUN", "00:00-24:00");
        Instant start = Instant.parse("2026-12-04T23:30:00Z");
        assertThat(always.always()).isTrue();
        assertThat(always.plus(start, Duration.ofHours(2))).isEqualTo(Instant.parse("2026-12-05T01:30:00Z"));
    }

    @Test
    void fridayAfternoonPlusTwoHoursIsMondayMorning() {
        // Friday 4 Dec 2026, 16:30 in Berlin: half an hour left that day, an hour and a half on Monday
        assertThat(office.plus(berlin("2026-12-04T16:30"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-07T10:30"));
    }

    @Test
    void timeBeforeOpeningOrAtTheWeekendCountsFromTheNextOpening() {
        assertThat(office.plus(berlin("2026-12-07T06:00"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-12-07T09:30"));
        assertThat(office.plus(berlin("2026-12-05T12:00"), Duration.ofMinutes(30))).as("a Saturday").isEqualTo(berlin("2026-12-07T09:30"));
        assertThat(office.plus(berlin("2026-12-07T18:00"), Duration.ofHours(8))).as("after closing: all of Tuesday")
                .isEqualTo(berlin("2026-12-08T17:00"));
    }

    @Test
    void aTargetOfSeveralWorkingDaysSkipsNightsAndTheWeekend() {
        assertThat(office.plus(berlin("2026-12-03T09:00"), Duration.ofHours(24))).as("three working days from Thursday")
                .isEqualTo(berlin("2026-12-07T17:00"));
    }

    @Test
    void workingHoursFollowTheLocalClockAcrossTheChangeToSummerTime() {
        // 29 March 2026 is the Sunday clocks go forward in Berlin; Monday 09:00 is then 07:00 UTC, not 08:00
        assertThat(office.plus(berlin("2026-03-27T16:00"), Duration.ofHours(2))).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void settingsThatDoNotReadAreRefusedWithWhatIsExpected() {
        assertThatThrownBy(() -> BusinessHours.of(BERLIN, "MON-FRY", "09:00-17:00")).hasMessageContaining("Not a weekday: 'FRY'");
        assertThatThrownBy(() -> BusinessHours.of(BERLIN, "MON-FRI", "17:00-09:00")).hasMessageContaining("open before they close");
        assertThatThrownBy(() -> BusinessHours.of(BERLIN, "MON-FRI", "9 to 5")).hasMessageContaining("09:00-17:00");
        assertThatThrownBy(() -> new SlaSettings(BERLIN, "MON-FRI", "25:00-26:00", Duration.ofMinutes(15), "0 * * * * *"))
                .hasMessageContaining("Not a time of day");
    }

    @Test
    void theHoursAreDescribedInTheReadersLanguage() {
        assertThat(office.describe(Locale.ENGLISH)).isEqualTo("Mon–Fri 09:00–17:00 Europe/Berlin");
        assertThat(BusinessHours.of(BERLIN, "MON,WED-THU,SAT", "8:00-24:00").describe(Locale.GERMAN))
                .isEqualTo("Mo., Mi.–Do., Sa. 08:00–24:00 Europe/Berlin");
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }
}
