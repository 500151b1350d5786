package com.careregistry.core.common;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Opens MariaDB connections with {@code allowMultiQueries}, whatever the URL says, so that
 * {@link SeveralStatements} can send several statements in one request.
 */
@Component
class MariaDbMultiQueries implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:mariadb:")) {
            hikari.addDataSourceProperty("allowMultiQueries", "true");
        }
        return bean;
    }
}
