package com.careregistry;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The core and the Discord adapter, as the Discord tests run them. */
@SpringBootApplication
public class DiscordTestApplication {
}
