package com.careregistry;

import com.careregistry.testsupport.ShiftedClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The core and the Telegram adapter, as the Telegram tests run them (no panel, no Discord), on a
 * clock tests can move forward.
 */
@SpringBootApplication
public class TelegramTestApplication {

    @Bean
    @Primary
    ShiftedClock testClock() {
        return new ShiftedClock();
    }
}
