package com.careregistry.core.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
 *
 * <p>A transaction that will end with {@link #runAndCommit} may say so ({@link #endsWithCommitHere}); its
 * writes that need nothing back before the commit are then kept ({@link #defer}) and sent in that last
 * request, before its own statements: a new row's id comes back with the request, and a statement that
 * must change a given number of rows is checked by the database, which then stops the request before the
 * {@code COMMIT} (a compound statement that raises an error), so the transaction rolls back as if the
 * check had been made here. Whatever is still kept when the transaction commits otherwise is written
 * before that commit.
 */
@Component
public class SeveralStatements {

    /** The message of the error a failed check raises ({@link Kept#rows}). */
    private static final String CHECK_FAILED = "ccr: rows changed other than expected, statement ";
    /** The index of the statement whose check failed, after {@link #CHECK_FAILED}. */
    private static final Pattern INDEX = Pattern.compile("\\d+");

    private final JdbcTemplate jdbc;
    private final TransactionBound<List<Kept>> kept;
    private volatile Boolean together;

    public SeveralStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.kept = new TransactionBound<>(jdbc.getDataSource());
    }

    /** One statement and its arguments. */
    public record Sql(String text, Object... args) {
    }

    /**
     * A statement kept for the last request: {@code rows} the number of rows it must change (-1: any),
     * {@code firstId} told the first id it generated, if wanted.
     */
    private record Kept(Sql sql, int rows, String why, LongConsumer firstId) {
    }

    /**
     * The current transaction (one of its own) will end with {@link #runAndCommit}: from now on its writes
     * may be kept for that request ({@link #defer}). Nothing is kept where the statements cannot go
     * together, or outside a transaction.
     */
    public void endsWithCommitHere() {
        if (together() && kept.bind(ArrayList::new)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    List<Kept> left = kept.current();
                    if (left != null && !left.isEmpty()) {
                        run(List.of(), false);   // not taken by a last request: written now, before the commit
                    }
                }
            });
        }
    }

    /**
     * Keeps the statement for the transaction's last request, where it {@link #endsWithCommitHere};
     * {@code rows}: how many rows it must change (-1: any), or the transaction fails there with an
     * {@link OptimisticLockingFailureException} saying {@code why}; {@code firstId}: told the first id the
     * statement generated (an insert), or null. False when the caller must run the statement itself.
     */
    public boolean defer(Sql statement, int rows, String why, LongConsumer firstId) {
        List<Kept> list = kept.current();
        if (list == null) {
            return false;
        }
        list.add(new Kept(statement, rows, why, firstId));
        return true;
    }

    /**
     * Writes the statement in the current transaction: kept for its last request where it
     * {@link #endsWithCommitHere} ({@link #defer}), else run now. {@code rows}: how many rows it must
     * change (-1: any), or the transaction fails with an {@link OptimisticLockingFailureException} saying
     * {@code why}, there or now.
     */
    public void write(Sql statement, int rows, String why) {
        if (!defer(statement, rows, why, null)) {
            run(List.of(new Kept(statement, rows, why, null)), false);
        }
    }

    /**
     * Runs the statements in the current transaction, in one request where the database takes it;
     * returns the rows each changed. A statement that fails fails the call, and those after it did
     * not run.
     */
    public int[] run(List<Sql> statements) {
        return run(asKept(statements), false);
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
        return run(asKept(statements), commit);
    }

    private static List<Kept> asKept(List<Sql> statements) {
        return statements.stream().map(statement -> new Kept(statement, -1, null, null)).toList();
    }

    private int[] run(List<Kept> statements, boolean commit) {
        List<Kept> all = new ArrayList<>();
        List<Kept> earlier = kept.current();
        if (earlier != null) {
            all.addAll(earlier);   // the transaction's kept writes go first, in their order
            earlier.clear();
        }
        all.addAll(statements);
        if (all.isEmpty() && !commit) {
            return new int[0];
        }
        if (!commit && (all.size() == 1 && all.get(0).firstId() == null || !together())) {
            int[] counts = new int[all.size()];
            for (int i = 0; i < counts.length; i++) {
                Kept statement = all.get(i);
                counts[i] = jdbc.update(statement.sql().text(), statement.sql().args());
                if (statement.rows() >= 0 && counts[i] != statement.rows()) {
                    throw new OptimisticLockingFailureException(statement.why());
                }
            }
            return Arrays.copyOfRange(counts, counts.length - statements.size(), counts.length);
        }
        StringJoiner text = new StringJoiner(";\n");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Kept statement = all.get(i);
            text.add(statement.sql().text().strip());
            Collections.addAll(args, statement.sql().args());   // nulls among them
            if (statement.firstId() != null) {
                text.add("SELECT LAST_INSERT_ID()");   // the first row's id, as the server counted it
            }
            if (statement.rows() >= 0) {   // checked by the server: an error stops the request before the COMMIT
                text.add("BEGIN NOT ATOMIC IF ROW_COUNT() <> " + statement.rows() + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '"
                        + CHECK_FAILED + i + "'; END IF; END");
            }
        }
        if (commit) {
            text.add("COMMIT");
        }
        int[] counts = jdbc.execute((ConnectionCallback<int[]>) connection -> execute(connection, text.toString(), args.toArray(), all));
        return Arrays.copyOfRange(counts, counts.length - statements.size(), counts.length);
    }

    private static int[] execute(Connection connection, String text, Object[] args, List<Kept> all) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            new ArgumentPreparedStatementSetter(args).setValues(statement);
            int[] counts = new int[all.size()];
            try {
                statement.execute();
                for (int i = 0; i < counts.length; i++) {
                    Kept kept = all.get(i);
                    counts[i] = statement.getUpdateCount();
                    statement.getMoreResults();
                    if (kept.firstId() != null) {
                        try (ResultSet id = statement.getResultSet()) {
                            id.next();
                            kept.firstId().accept(id.getLong(1));
                        }
                        statement.getMoreResults();
                    }
                    if (kept.rows() >= 0) {
                        statement.getMoreResults();   // the check's result, when it passed
                    }
                }
            } catch (SQLException e) {
                String message = String.valueOf(e.getMessage());
                int at = message.indexOf(CHECK_FAILED);
                if ("45000".equals(e.getSQLState()) && at >= 0) {
                    Matcher index = INDEX.matcher(message.substring(at + CHECK_FAILED.length()));
                    // not the driver's exception as the cause: it calls this error a connection's (SQLTransientConnectionException)
                    throw new OptimisticLockingFailureException(index.lookingAt() ? all.get(Integer.parseInt(index.group())).why() : message);
                }
                throw e;
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
}
