package com.careregistry.core;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The core's own beans: the clock everything reads the time from, and the text bundles. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConfigurationPropertiesScan
public class CoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Instants are stored as {@code DATETIME(6)} in UTC on MariaDB and H2 alike (Hibernate would
     * otherwise want a zoned type on H2); Hibernate hands them to the driver as they are
     * ({@link com.careregistry.core.common.InstantsAsTheyAre}).
     */
    @Bean
    HibernatePropertiesCustomizer utcInstants() {
        return properties -> {
            properties.put("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP");
            properties.put("hibernate.jdbc.time_zone", "UTC");
        };
    }

    /** Every text a person reads: {@code messages*.properties}; unknown languages fall back to English. */
    @Bean
    MessageSource messageSource() {
        return com.careregistry.core.text.Texts.bundles();
    }
}
