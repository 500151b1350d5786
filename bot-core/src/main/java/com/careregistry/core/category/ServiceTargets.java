package com.careregistry.core.category;

import com.careregistry.core.common.DomainException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a category promises, in working time: the first answer within {@code firstResponse} and the
 * resolution within {@code resolution}; either may be absent (no promise).
 */
public record ServiceTargets(Duration firstResponse, Duration resolution) {

    public static final ServiceTargets NONE = new ServiceTargets(null, null);
    /** A year of working time: anything longer is a typing mistake. */
    static final Duration LONGEST = Duration.ofDays(365);
    private static final Pattern SPAN = Pattern.compile("(?:(\\d{1,4})\\s*h)?\\s*(?:(\\d{1,6})\\s*m(?:in)?)?");

    public ServiceTargets {
        check(firstResponse);
        check(resolution);
    }

    public Optional<Duration> firstResponseTarget() {
        return Optional.ofNullable(firstResponse);
    }

    public Optional<Duration> resolutionTarget() {
        return Optional.ofNullable(resolution);
    }

    /**
     * A target as an admin types it: {@code 2h}, {@code 30m}, {@code 1h 30m} or a number of minutes
     * (of working time); empty for none. Anything else is refused with {@code category.target.invalid}.
     */
    public static Duration parse(String text) {
        String clean = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.chars().allMatch(Character::isDigit) && clean.length() <= 6) {
            return check(Duration.ofMinutes(Long.parseLong(clean)));
        }
        Matcher m = SPAN.matcher(clean);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new DomainException("category.target.invalid", text.strip());
        }
        Duration span = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2)));
        return check(span);
    }

    /** {@code 2h}, {@code 1h 30m}, {@code 45m}: how the panel shows a target back, and {@link #parse} reads it. */
    public static String format(Duration target) {
        if (target == null) {
            return "";
        }
        long hours = target.toHours();
        long minutes = target.toMinutesPart();
        return hours == 0 ? minutes + "m" : minutes == 0 ? hours + "h" : hours + "h " + minutes + "m";
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static Duration check(Duration target) {
        if (target != null && (target.isZero() || target.isNegative() || target.compareTo(LONGEST) > 0)) {
            throw new DomainException("category.target.invalid", format(target));
        }
        return target;
    }
}
