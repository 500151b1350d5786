package com.careregistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Customer Care Registry: the core, both chat adapters and the web panel in one service. */
@SpringBootApplication
public class CareRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareRegistryApplication.class, args);
    }
}
