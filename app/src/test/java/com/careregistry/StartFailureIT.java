package com.careregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.process.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged jar started against a database that is not there, refuses its user, or does not
 * answer: it stops with a status that is not 0 and says in one sentence what is wrong and what to do,
 * without a stack trace.
 */
class StartFailureIT {

    static final String DB_HOST = env("CCR_TEST_DB_HOST", "127.0.0.1:3306");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ccr_no_such_database | root    |                | The database \"ccr_no_such_database\" does not exist on",
            "mysql                | nobody  | wrong-password | refused the user \"nobody\" (wrong user or password)",
            "careregistry         | root    |                | No database answers at 127.0.0.1:1"})
    void aDatabaseThatCannotBeUsedIsExplainedInOneLine(String database, String user, String password, String expected)
            throws Exception {
        String host = expected.startsWith("No database") ? "127.0.0.1:1" : DB_HOST;
        Path log = Files.createTempFile("start-failure", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ServiceProcess.jar().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(Files.createTempDirectory("start-failure").toFile());
        builder.environment().putAll(Map.of("SPRING_PROFILES_ACTIVE", "mariadb",
                "CCR_DB_URL", "jdbc:mariadb://" + host + "/" + database, "CCR_DB_USER", user,
                "CCR_DB_PASSWORD", password == null ? "" : password, "PORT", "0"));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the service stops by itself").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains(expected).contains("CCR_DB_URL");
        List<String> stackLines = output.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")).toList();
        assertThat(stackLines).as("no stack trace in:\n" + output).isEmpty();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
