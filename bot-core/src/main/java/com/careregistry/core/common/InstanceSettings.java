package com.careregistry.core.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This instance of the service among those sharing one database.
 *
 * @param name {@code CCR_INSTANCE_NAME}; by default the host's name. It must stay the same across a
 *             restart (the restarted process takes back at once what its predecessor had claimed)
 *             and differ between instances that run at the same time.
 */
@ConfigurationProperties("careregistry.instance")
public record InstanceSettings(String name) {

    public InstanceSettings {
        if (name == null || name.isBlank()) {
            name = hostName();
        }
        name = name.strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
