package com.careregistry;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The core and the Telegram adapter, as the Telegram tests run them (no panel, no Discord). */
@SpringBootApplication
public class TelegramTestApplication {
}
