package com.careregistry;

import java.time.ZoneOffset;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Customer Care Registry: the core, both chat adapters and the web panel in one service. */
@SpringBootApplication
public class CareRegistryApplication {

    public static void main(String[] args) {
        // Instants are stored as UTC date-times: Hibernate writes them so (hibernate.jdbc.time_zone), and the
        // plain JDBC of the inbox and outbox passes java.sql.Timestamp, which the driver reads in the JVM's zone
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        SpringApplication.run(CareRegistryApplication.class, args);
    }
}
