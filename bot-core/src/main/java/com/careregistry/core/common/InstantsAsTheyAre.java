package com.careregistry.core.common;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.TimestampJdbcType;

/**
 * Hibernate hands the entities' instants to the driver, and takes them back, as {@link Instant}s
 * ({@code setObject}, {@code getObject(i, Instant.class)}), in {@code DATETIME(6)} columns as
 * before. Its own binding makes a {@code java.sql.Timestamp} and passes a UTC calendar with it,
 * which MariaDB's driver formats through a new {@code SimpleDateFormat} each time: 3% of the
 * inbox's CPU in JFR, for the few instants each message writes (docs/benchmarks.md, stop 25). The
 * driver writes an instant as its date-time in the JVM's zone, which the application sets to UTC
 * ({@code CareRegistryApplication}; the tests' JVMs too, in the build), so what is stored is the
 * same UTC date-time as before, and the same as the inbox's and outbox's plain JDBC writes.
 *
 * <p>Registered for Hibernate's {@code TIMESTAMP} type code through {@code META-INF/services}; the
 * entities' only temporal type is {@link Instant}.
 */
public final class InstantsAsTheyAre extends TimestampJdbcType implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry services) {
        contributions.contributeJdbcType(this);
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setObject(index, javaType.unwrap(value, Instant.class, options));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                st.setObject(name, javaType.unwrap(value, Instant.class, options));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(rs.getObject(index, Instant.class), options);
            }

            @Override
            protected X doExtract(CallableStatement st, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(st.getObject(index, Instant.class), options);
            }

            @Override
            protected X doExtract(CallableStatement st, String name, WrapperOptions options) throws SQLException {
                return javaType.wrap(st.getObject(name, Instant.class), options);
            }
        };
    }
}
