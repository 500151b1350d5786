package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The panel's search looks at words in subjects, descriptions and messages: on MariaDB through
 * FULLTEXT indexes (InnoDB; words of three letters or more, {@code innodb_ft_min_token_size}). The
 * embedded H2 default has no such index and searches with {@code LIKE} instead, so there is nothing
 * to make there. A migration in Java, because the same SQL cannot say both.
 */
public class V19__Full_text_search extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
        if (!product.contains("mariadb") && !product.contains("mysql")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE FULLTEXT INDEX ft_tickets_text ON tickets (subject, description)");
            statement.execute("CREATE FULLTEXT INDEX ft_ticket_messages_body ON ticket_messages (body)");
        }
    }
}
