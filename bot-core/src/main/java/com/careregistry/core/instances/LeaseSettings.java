package com.careregistry.core.instances;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a {@link Leadership} role outlives an instance that stopped renewing it.
 *
 * @param leaseFor   {@code CAREREGISTRY_INSTANCES_LEASE_FOR}: a role not renewed for this long is free
 *                   for another instance (the longest a dead instance's role waits)
 * @param renewEvery {@code CAREREGISTRY_INSTANCES_RENEW_EVERY}: how often the holder renews it, and how
 *                   often the others ask for it
 */
@ConfigurationProperties("careregistry.instances")
public record LeaseSettings(@DefaultValue("6s") Duration leaseFor, @DefaultValue("1s") Duration renewEvery) {

    public LeaseSettings {
        if (renewEvery.compareTo(leaseFor.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("careregistry.instances.renew-every must be at most half of lease-for");
        }
    }
}
