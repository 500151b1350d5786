package com.careregistry.core.instances;

import com.careregistry.core.common.InstanceSettings;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances of the service on one database: ShedLock's locks, in the {@code shedlock} table
 * and on the database's clock, make each scheduled job run on one instance per period
 * ({@code @SchedulerLock}) and each {@link Leadership} role held by one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class InstancesConfiguration {

    /** Locks taken in this instance's name ({@code locked_by}: {@code CCR_INSTANCE_NAME}), on the database's clock. */
    @Bean
    LockProvider lockProvider(DataSource dataSource, InstanceSettings instance) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withLockedByValue(instance.name())
                .usingDbTime()
                .build());
    }
}
