package com.careregistry;

import java.time.ZoneOffset;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Customer Care Registry: the core, both chat adapters and the web panel in one service. */
@SpringBootApplication
public class CareRegistryApplication {

    public static void main(String[] args) {
        // Instants are stored as UTC date-times: Hibernate and the plain JDBC of the inbox and outbox hand
        // them to the driver as instants, which it writes and reads in the JVM's zone
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        SpringApplication.run(CareRegistryApplication.class, args);
    }
}
