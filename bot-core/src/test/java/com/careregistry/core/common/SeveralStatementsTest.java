package com.careregistry.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On MariaDB a transaction's last writes and its commit go to the server in one request: the work is
 * committed when the call returns (another connection sees it before the transaction's own end), the
 * transaction manager's commit sends nothing more, and a statement that fails takes those before it
 * back with the transaction.
 */
class SeveralStatementsTest extends CoreTest {

    @Autowired
    SeveralStatements several;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS several_test (id INT PRIMARY KEY, note VARCHAR(40))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS several_keyed (id BIGINT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(40))");
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE IF EXISTS several_test");
        jdbc.execute("DROP TABLE IF EXISTS several_keyed");
    }

    /** Rows of the table as another connection sees them: committed ones only. */
    private int committedRows() throws Exception {
        return committedRows("several_test");
    }

    private int committedRows(String table) throws Exception {
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            int count = rs.getInt(1);
            other.rollback();
            return count;
        }
    }

    @Test
    void theLastWritesAndTheCommitGoTogetherAndNothingMoreIsSent() {
        assertThat(several.together()).as("MariaDB connections are opened with allowMultiQueries").isTrue();
        long commits = serverCount("Com_commit");

        int[] counts = new TransactionTemplate(transactions).execute(status -> {
            jdbc.update("INSERT INTO several_test VALUES (1, 'before')");
            int[] changed = several.runAndCommit(status, List.of(
                    new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?), (?, ?)", 2, "two", 3, "three"),
                    new SeveralStatements.Sql("UPDATE several_test SET note = ? WHERE id = ?", "first", 1)));
            try {
                assertThat(committedRows()).as("committed with the request, before the transaction's end").isEqualTo(3);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return changed;
        });

        assertThat(counts).containsExactly(2, 1);
        assertThat(serverCount("Com_commit") - commits).as("one COMMIT: the transaction manager's found nothing to commit").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT note FROM several_test WHERE id = 1", String.class)).isEqualTo("first");
    }

    @Test
    void aStatementThatFailsTakesTheWholeTransactionBack() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.update("INSERT INTO several_test VALUES (9, 'there before')"));

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO several_test VALUES (1, 'earlier')");
            several.runAndCommit(status, List.of(
                    new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?)", 2, "in the request"),
                    new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?)", 9, "a duplicate"),
                    new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?)", 3, "after the failure")));
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(committedRows()).as("only the row from before the transaction").isEqualTo(1);
    }

    @Test
    void statementsWithoutTheCommitReportEachCount() {
        int[] counts = new TransactionTemplate(transactions).execute(status -> several.run(List.of(
                new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?), (?, ?), (?, ?)", 1, null, 2, "b", 3, null),
                new SeveralStatements.Sql("UPDATE several_test SET note = 'z' WHERE id IN (?, ?, ?)", 1, 3, 4),
                new SeveralStatements.Sql("DELETE FROM several_test WHERE id = ?", 5))));

        assertThat(counts).containsExactly(3, 2, 0);
    }

    @Test
    void aTransactionThatIsPartOfAnotherDoesNotCommitIt() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(outer -> {
            jdbc.update("INSERT INTO several_test VALUES (1, 'outer')");
            tx.executeWithoutResult(inner -> several.runAndCommit(inner, List.of(
                    new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?)", 2, "inner"))));
            throw new IllegalStateException("the outer transaction fails after the inner one");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(committedRows()).as("the inner part did not commit the outer transaction").isZero();
    }

    @Test
    void keptWritesGoWithTheCommitInOneRequestAndTellTheFirstNewId() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.update("INSERT INTO several_keyed (note) VALUES ('old')"));
        long before = jdbc.queryForObject("SELECT MAX(id) FROM several_keyed", Long.class);
        long[] firstId = {0};
        long commits = serverCount("Com_commit");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            several.endsWithCommitHere();
            boolean keptInsert = several.defer(new SeveralStatements.Sql("INSERT INTO several_keyed (note) VALUES (?), (?)", "a", "b"), -1, null,
                    id -> firstId[0] = id);
            boolean keptUpdate = several.defer(new SeveralStatements.Sql("UPDATE several_keyed SET note = 'old, seen' WHERE id = ?", before), 1,
                    "the old row is gone", null);
            assertThat(keptInsert && keptUpdate).isTrue();
            try {
                assertThat(committedRows("several_keyed")).as("nothing written yet").isEqualTo(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            several.runAndCommit(status, List.of(new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?)", 1, "last")));
        });
        assertThat(serverCount("Com_commit") - commits).as("one COMMIT, sent with the kept writes").isEqualTo(1);

        assertThat(firstId[0]).isEqualTo(before + 1);
        assertThat(jdbc.queryForList("SELECT note FROM several_keyed ORDER BY id", String.class)).containsExactly("old, seen", "a", "b");
        assertThat(jdbc.queryForObject("SELECT id FROM several_keyed WHERE note = 'a'", Long.class)).isEqualTo(firstId[0]);
        assertThat(committedRows()).isEqualTo(1);
    }

    @Test
    void aKeptCheckThatFailsStopsTheRequestBeforeTheCommitAndTakesAllBack() throws Exception {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            several.endsWithCommitHere();
            jdbc.update("INSERT INTO several_test VALUES (1, 'earlier')");
            several.defer(new SeveralStatements.Sql("INSERT INTO several_keyed (note) VALUES (?)", "kept"), -1, null, id -> { });
            several.defer(new SeveralStatements.Sql("UPDATE several_test SET note = 'x' WHERE id IN (1, 2)"), 2, "two rows were expected", null);
            several.runAndCommit(status, List.of(new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?)", 3, "last")));
        })).isInstanceOf(OptimisticLockingFailureException.class).hasMessageContaining("two rows were expected")
                .satisfies(failure -> assertThat(failure.getCause()).as("no connection's exception behind it: the database is reachable").isNull());

        assertThat(committedRows()).as("nothing of the transaction").isZero();
        assertThat(committedRows("several_keyed")).isZero();
    }

    @Test
    void keptWritesAreWrittenBeforeAnOrdinaryCommitWhenNoLastRequestTakesThem() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            several.endsWithCommitHere();
            several.defer(new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?)", 7, "kept"), -1, null, null);
        });

        assertThat(committedRows()).isEqualTo(1);
    }

    @Test
    void withoutTheTransactionSayingSoNothingIsKept() {
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                assertThat(several.defer(new SeveralStatements.Sql("INSERT INTO several_test VALUES (1, 'x')"), -1, null, null)).isFalse());
        assertThat(several.defer(new SeveralStatements.Sql("INSERT INTO several_test VALUES (1, 'x')"), -1, null, null))
                .as("outside a transaction").isFalse();
    }

    @Test
    void aWriteInATransactionThatKeepsNothingRunsAtOnceAndItsCountIsCheckedThere() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            several.write(new SeveralStatements.Sql("INSERT INTO several_test VALUES (?, ?)", 1, "now"), 1, "one row was expected");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM several_test", Integer.class)).as("written already").isEqualTo(1);
        });

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                several.write(new SeveralStatements.Sql("UPDATE several_test SET note = 'x' WHERE id IN (1, 2)"), 2, "two rows were expected")))
                .isInstanceOf(OptimisticLockingFailureException.class).hasMessageContaining("two rows were expected");
        assertThat(jdbc.queryForObject("SELECT note FROM several_test WHERE id = 1", String.class)).as("rolled back").isEqualTo("now");
    }
}
