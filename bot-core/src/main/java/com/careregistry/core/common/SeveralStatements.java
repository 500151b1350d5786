package com.careregistry.core.common;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;

/**
 * Several statements sent in one request, where the database takes that: MariaDB, whose connections
 * this service opens with {@code allowMultiQueries} ({@link MariaDbMultiQueries}). Each round trip to
 * MariaDB costs the service about as much CPU as the work of a statement: the system calls, the wake-ups
 * of the thread that waits, the driver. At a few hundred messages a second most commits carry a message
 * or two, so the round trips, not the rows, are what a message costs; a transaction's writes that need
 * no answer before the next are sent together here, and the last of them with the {@code COMMIT}.
 *
 * <p>On a database that does not take several statements in a request (H2, the embedded default), the
 * statements run one by one, and the transaction commits as it always does. The parameters are bound
 * as every other statement's are: several statements in a request add nothing a value could break
 * out into.
 */
@Component
public class SeveralStatements {

    private final JdbcTemplate jdbc;
    private volatile Boolean together;

    public SeveralStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement and its arguments. */
    public record Sql(String text, Object... args) {
    }

    /**
     * Runs the statements in the current transaction, in one request where the database takes it;
     * returns the rows each changed. A statement that fails fails the call, and those after it did
     * not run.
     */
    public int[] run(List<Sql> statements) {
        return run(statements, false);
    }

    /**
     * Runs the statements, the last of the transaction's work, and commits it, in one request where the
     * database takes it; returns the rows each statement changed. The transaction must be one of its
     * own ({@code status} new, not a part of a caller's): what it changed through the persistence
     * context is flushed first, so the commit holds all of it, and the transaction manager's commit then
     * finds nothing left to do (the driver sends no {@code COMMIT} outside a transaction). Elsewhere
     * (H2, or a transaction that is part of another) the statements run and the transaction commits as
     * usual, when its caller is done.
     */
    public int[] runAndCommit(TransactionStatus status, List<Sql> statements) {
        boolean commit = status.isNewTransaction() && !status.isRollbackOnly() && together();
        if (commit) {
            status.flush();
        }
        return run(statements, commit);
    }

    private int[] run(List<Sql> statements, boolean commit) {
        if (statements.isEmpty() && !commit) {
            return new int[0];
        }
        if (!commit && (statements.size() == 1 || !together())) {
            int[] counts = new int[statements.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = jdbc.update(statements.get(i).text(), statements.get(i).args());
            }
            return counts;
        }
        StringJoiner text = new StringJoiner(";\n");
        List<Object> args = new ArrayList<>();
        for (Sql statement : statements) {
            text.add(statement.text().strip());
            Collections.addAll(args, statement.args());   // nulls among them
        }
        if (commit) {
            text.add("COMMIT");
        }
        return jdbc.execute((ConnectionCallback<int[]>) connection -> execute(connection, text.toString(), args.toArray(),
                statements.size()));
    }

    private static int[] execute(Connection connection, String text, Object[] args, int statements) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            new ArgumentPreparedStatementSetter(args).setValues(statement);
            statement.execute();
            int[] counts = new int[statements];
            for (int i = 0; i < statements; i++) {
                counts[i] = statement.getUpdateCount();
                statement.getMoreResults();
            }
            return counts;
        }
    }

    /** Whether the database takes several statements in one request: asked once. */
    boolean together() {
        Boolean known = together;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
                if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb")) {
                    return false;
                }
                try (PreparedStatement probe = connection.prepareStatement("SELECT ?; SELECT ?")) {
                    probe.setInt(1, 1);
                    probe.setInt(2, 2);
                    probe.execute();
                    return probe.getMoreResults();
                } catch (SQLException refused) {
                    return false;   // a connection without allowMultiQueries: one statement a request
                }
            });
            together = known;
        }
        return known;
    }

    /**
     * Opens MariaDB connections with {@code allowMultiQueries}, whatever the URL says, so that
     * {@link SeveralStatements} can send several statements in one request.
     */
    @Component
    static class MariaDbMultiQueries implements BeanPostProcessor {

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:mariadb:")) {
                hikari.addDataSourceProperty("allowMultiQueries", "true");
            }
            return bean;
        }
    }
}
