package com.careregistry;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * When the service cannot start because of its database, says what is wrong in one sentence, and
 * what to do, instead of a stack trace: the database does not exist (MariaDB error 1049), the user
 * or password is refused (1045, 1698: SQL state 28000) or the user may not use the database (1044), or nothing answers at
 * the address. Any other failure is left to Spring Boot's own reporting.
 */
class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private static final Pattern URL = Pattern.compile("jdbc:(?:mariadb|mysql)://([^/?]+)/([^?;]*)");
    private static final String HOW = "Make the database and its user, or correct CCR_DB_URL, CCR_DB_USER and CCR_DB_PASSWORD "
            + "(README, \"Running it for real\").";

    private final Environment environment;

    DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String url = environment.getProperty("spring.datasource.url", "");
        String user = environment.getProperty("spring.datasource.username", "");
        Matcher parts = URL.matcher(url);
        boolean known = parts.find();
        String host = known ? parts.group(1) : url;
        String database = known ? parts.group(2) : "";
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                int code = "28000".equals(sql.getSQLState()) && sql.getErrorCode() != 1044 ? 1045 : sql.getErrorCode();
                switch (code) {
                    case 1049 -> {
                        return analysis("The database \"" + database + "\" does not exist on " + host + ".", HOW, failure);
                    }
                    case 1045 -> {
                        return analysis("The database on " + host + " refused the user \"" + user + "\" (wrong user or password).",
                                HOW, failure);
                    }
                    case 1044 -> {
                        return analysis("The user \"" + user + "\" may not use the database \"" + database + "\" on " + host + ".",
                                "Grant it: GRANT ALL PRIVILEGES ON " + database + ".* TO '" + user + "'@'%'; (README, \"Running it for real\").",
                                failure);
                    }
                    default -> {
                    }
                }
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return analysis("No database answers at " + host + " (" + cause.getMessage() + ").",
                        "Start MariaDB there, or correct CCR_DB_URL (README, \"Running it for real\").", failure);
            }
        }
        return null;
    }

    private static FailureAnalysis analysis(String description, String action, Throwable failure) {
        return new FailureAnalysis(description, action, failure);
    }
}
