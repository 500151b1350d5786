package com.careregistry.core.sla;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The desk's business hours, in which service-level targets count, and when the reminders go.
 *
 * @param zone         {@code CAREREGISTRY_SLA_ZONE}: the desk's time zone, e.g. {@code Europe/Berlin}
 * @param days         {@code CAREREGISTRY_SLA_DAYS}: working weekdays, {@code MON-FRI} or {@code MON,WED,FRI}
 * @param hours        {@code CAREREGISTRY_SLA_HOURS}: working hours of each working day,
 *                     {@code 09:00-17:00}; {@code 00:00-24:00} for the whole day
 * @param remindBefore {@code CAREREGISTRY_SLA_REMIND_BEFORE}: how long before a due time the ticket's
 *                     staff topic or thread is reminded
 * @param watchCron    {@code CAREREGISTRY_SLA_WATCH_CRON}: how often due times are checked
 */
@ConfigurationProperties("careregistry.sla")
public record SlaSettings(@DefaultValue("UTC") ZoneId zone, @DefaultValue("MON-SUN") String days,
                          @DefaultValue("00:00-24:00") String hours, @DefaultValue("15m") Duration remindBefore,
                          @DefaultValue("0 * * * * *") String watchCron) {

    public SlaSettings {
        if (remindBefore.isNegative()) {
            throw new IllegalArgumentException("careregistry.sla.remind-before cannot be negative");
        }
        BusinessHours.of(zone, days, hours);   // refuses settings that do not read, at start
    }

    public BusinessHours businessHours() {
        return BusinessHours.of(zone, days, hours);
    }
}
