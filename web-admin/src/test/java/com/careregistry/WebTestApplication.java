package com.careregistry;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The core and the panel, as the panel's tests run them (no chat adapters). */
@SpringBootApplication
public class WebTestApplication {
}
