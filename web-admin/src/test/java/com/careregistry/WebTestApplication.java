package com.careregistry;

import com.careregistry.testsupport.ShiftedClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The core and the panel, as the panel's tests run them (no chat adapters), on a clock tests can move forward. */
@SpringBootApplication
public class WebTestApplication {

    @Bean
    @Primary
    ShiftedClock testClock() {
        return new ShiftedClock();
    }
}
