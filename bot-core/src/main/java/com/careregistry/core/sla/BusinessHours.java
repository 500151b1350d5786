package com.careregistry.core.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * When the desk works: weekdays and one span of hours on each, in the desk's time zone. A target of
 * two hours set at 16:30 on a Friday, with 09:00-17:00 Monday to Friday, is due at 10:30 on Monday.
 * A span ends at midnight at the latest (no shift over midnight).
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    /** {@code closes} of a span that runs to midnight. */
    private static final LocalTime MIDNIGHT = LocalTime.MIDNIGHT;

    public BusinessHours {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("Business hours need at least one working day");
        }
        if (!closes.equals(MIDNIGHT) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException("Business hours must open before they close: " + opens + "-" + closes);
        }
    }

    /** Every hour of every day. */
    public static BusinessHours always(ZoneId zone) {
        return new BusinessHours(zone, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, MIDNIGHT);
    }

    /** From the settings' words: {@code MON-FRI} (or {@code MON,TUE}) and {@code 09:00-17:00} ({@code 24:00} for midnight). */
    public static BusinessHours of(ZoneId zone, String days, String hours) {
        String[] span = hours.strip().split("-");
        if (span.length != 2) {
            throw new IllegalArgumentException("Business hours read like 09:00-17:00, not '" + hours + "'");
        }
        return new BusinessHours(zone, weekdays(days), time(span[0]), time(span[1]));
    }

    public boolean always() {
        return days.size() == 7 && opens.equals(LocalTime.MIDNIGHT) && closes.equals(MIDNIGHT);
    }

    /** The instant when {@code work} of working time has passed since {@code start}. */
    public Instant plus(Instant start, Duration work) {
        Duration left = work;
        ZonedDateTime at = start.atZone(zone);
        for (int day = 0; day < 3700; day++) {   // ten years at most: a target that long is a mistake, not a promise
            LocalDate date = at.toLocalDate();
            if (days.contains(date.getDayOfWeek())) {
                ZonedDateTime open = date.atTime(opens).atZone(zone);
                ZonedDateTime close = closes.equals(MIDNIGHT) ? date.plusDays(1).atStartOfDay(zone) : date.atTime(closes).atZone(zone);
                ZonedDateTime from = at.isBefore(open) ? open : at;
                if (from.isBefore(close)) {
                    Duration available = Duration.between(from, close);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            at = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalArgumentException("A target of " + work + " does not end within ten years");
    }

    /** {@code Mon–Fri 09:00–17:00 Europe/Berlin}, in the reader's language. */
    public String describe(Locale locale) {
        StringBuilder text = new StringBuilder();
        DayOfWeek[] week = DayOfWeek.values();
        int i = 0;
        while (i < week.length) {
            if (!days.contains(week[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < week.length && days.contains(week[j + 1])) {
                j++;
            }
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(week[i].getDisplayName(TextStyle.SHORT, locale));
            if (j > i) {
                text.append('–').append(week[j].getDisplayName(TextStyle.SHORT, locale));
            }
            i = j + 1;
        }
        String until = closes.equals(MIDNIGHT) ? "24:00" : closes.toString();
        return text + " " + opens + "–" + until + " " + zone.getId();
    }

    private static Set<DayOfWeek> weekdays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.strip().toUpperCase(Locale.ROOT).split("\\s*,\\s*")) {
            String[] range = part.split("\\s*-\\s*");
            if (range.length == 1) {
                days.add(day(range[0]));
            } else if (range.length == 2) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("Working days read like MON-FRI or MON,WED,FRI, not '" + text + "'");
            }
        }
        return days;
    }

    private static DayOfWeek day(String word) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (word.length() >= 3 && day.name().startsWith(word)) {
                return day;
            }
        }
        throw new IllegalArgumentException("Not a weekday: '" + word + "' (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    private static LocalTime time(String text) {
        String clean = text.strip();
        if (clean.equals("24:00")) {
            return MIDNIGHT;
        }
        try {
            return LocalTime.parse(clean.length() == 4 ? "0" + clean : clean);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Not a time of day: '" + text + "' (like 09:00)", e);
        }
    }
}
