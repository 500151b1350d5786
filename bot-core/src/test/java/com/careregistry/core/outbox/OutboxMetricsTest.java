package com.careregistry.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.testsupport.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backlog gauges are read every two seconds while the service works: reading them must cost
 * the rows that are pending or dead, not the outbox's whole history (every row ever sent stays).
 */
class OutboxMetricsTest extends CoreTest {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxMetrics metrics;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theBacklogIsCountedThroughTheIndexWithoutReadingTheSentRows() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                outbox.toChat(ChatAddress.of(Channel.TELEGRAM, "chat-" + i), "pending " + i);
            }
        });
        // two thousand rows of history: sent long ago
        String columns = jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = DATABASE() AND table_name = 'outbox_messages' AND column_name <> 'id'
                """, String.class).stream().collect(Collectors.joining(", "));
        TestDatabase.update(jdbc, "INSERT INTO outbox_messages (" + columns + ") SELECT " + columns
                + " FROM outbox_messages o JOIN seq_1_to_2000 s WHERE o.body = 'pending 0'");
        TestDatabase.update(jdbc, "UPDATE outbox_messages SET status = 'SENT' WHERE id > (SELECT MAX(id) - 2000 FROM outbox_messages o)");
        jdbc.queryForList("ANALYZE TABLE outbox_messages");

        long read = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("FLUSH STATUS");
                try (ResultSet rows = statement.executeQuery(OutboxMetrics.BACKLOG)) {
                    while (rows.next()) {
                        assertThat(rows.getString(1)).isEqualTo("TELEGRAM");
                        assertThat(rows.getLong(3)).isEqualTo(3);
                    }
                }
                long entries = 0;
                try (ResultSet status = statement.executeQuery("SHOW SESSION STATUS LIKE 'Handler_read%'")) {
                    while (status.next()) {
                        entries += status.getLong(2);
                    }
                }
                return entries;
            }
        });
        assertThat(read).as("index entries and rows read to count the backlog").isLessThan(100);

        metrics.refresh();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE status = 'SENT'", Long.class)).isEqualTo(2000);
    }
}
