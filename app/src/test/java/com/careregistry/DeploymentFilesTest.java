package com.careregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files as an operator gets them: docker-compose.yml (parsed), the Dockerfile, the
 * .env.example that feeds the service every setting, and the README's table of settings. No secret
 * has a default, images are pinned, the app has a healthcheck, nothing but the app is published to
 * the network, and every setting of the README reaches the container.
 */
class DeploymentFilesTest {

    static final Path ROOT = root();
    static final Pattern PINNED = Pattern.compile("^[\\w./-]+:v?\\d+\\.\\d+\\.\\d+[\\w.-]*$");
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN).*");

    @SuppressWarnings("unchecked")
    final Map<String, Object> compose = (Map<String, Object>) new Yaml().load(read("docker-compose.yml"));

    @Test
    void noSecretHasADefault() {
        String text = read("docker-compose.yml");
        Matcher reference = Pattern.compile("\\$\\{(\\w+)(:?[-?])?([^}]*)}").matcher(text);
        List<String> defaulted = new ArrayList<>();
        while (reference.find()) {
            String name = reference.group(1);
            String operator = reference.group(2);
            if (SECRET_NAME.matcher(name).matches() && (operator == null || !operator.endsWith("?"))) {
                defaulted.add(reference.group());
            }
        }
        assertThat(defaulted).as("secrets must be required (${NAME:?message}), never defaulted").isEmpty();
        assertThat(text.toLowerCase()).doesNotContain("change-me").doesNotContain("changeme");
        // the example .env leaves every secret empty: compose refuses to start until they are set
        for (String line : read(".env.example").lines().toList()) {
            Matcher setting = Pattern.compile("^\\s*#?\\s*([A-Z][A-Z0-9_]*)=(.*)$").matcher(line);
            if (setting.matches() && SECRET_NAME.matcher(setting.group(1)).matches()) {
                assertThat(setting.group(2)).as(setting.group(1) + " in .env.example").isEmpty();
            }
        }
    }

    @Test
    void everyImageIsPinnedToAnExactVersion() {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            Object image = service.getValue().get("image");
            assertThat(image).as("image of " + service.getKey()).isNotNull();
            assertThat((String) image).as("image of " + service.getKey()).matches(PINNED).doesNotContain(":latest");
        }
        List<String> from = read("Dockerfile").lines().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(from).isNotEmpty().allSatisfy(line -> assertThat(line.split("\\s+")[1]).matches(PINNED));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppHasAHealthcheckAndTakesEverySettingFromTheEnvFile() {
        Map<String, Object> app = services().get("app");
        Map<String, Object> healthcheck = (Map<String, Object>) app.get("healthcheck");
        assertThat(healthcheck).isNotNull().containsKeys("test", "interval", "retries");
        assertThat(String.valueOf(healthcheck.get("test"))).contains("/actuator/health");
        assertThat(String.valueOf(app.get("env_file"))).contains(".env");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheAppIsPublishedBeyondThisMachine() {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            List<Object> ports = (List<Object>) service.getValue().getOrDefault("ports", List.of());
            if (!service.getKey().equals("app")) {
                assertThat(ports).as("ports of " + service.getKey())
                        .allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySettingOfTheReadmeReachesTheContainer() {
        String example = read(".env.example");
        Set<String> setByCompose = ((Map<String, Object>) services().get("app").get("environment")).keySet();
        List<String> missing = new ArrayList<>();
        for (String setting : readmeSettings()) {
            boolean listed = Pattern.compile("(?m)^#?\\s*" + setting + "=").matcher(example).find()
                    || (setByCompose.contains(setting) && example.contains(setting));
            if (!listed) {
                missing.add(setting);
            }
        }
        assertThat(missing).as("README settings missing from .env.example").isEmpty();
        assertThat(readmeSettings()).hasSizeGreaterThan(40);
    }

    @Test
    void theReadmeSaysHowToMakeTheDatabaseAndItsUser() {
        String readme = read("README.md");
        assertThat(readme).contains("CREATE DATABASE careregistry").contains("CREATE USER 'careregistry'")
                .contains("GRANT ALL PRIVILEGES ON careregistry.* TO 'careregistry'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTwoInstanceFilePublishesOnlyItsProxyAndNamesEachInstanceApart() {
        // compose's "!reset" (drop what the base file set) is no tag SnakeYAML knows: read as the empty list it sets
        Map<String, Map<String, Object>> two = (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml()
                .load(read("docker-compose.two.yml").replace("!reset ", ""))).get("services");
        assertThat(two).containsOnlyKeys("app", "app2", "proxy");
        assertThat((String) two.get("proxy").get("image")).matches(PINNED);
        assertThat((List<Object>) two.get("proxy").get("ports")).isNotEmpty();
        assertThat((List<Object>) two.get("app").get("ports")).as("the instances are reached through the proxy only").isEmpty();
        assertThat((List<Object>) two.get("app2").get("ports")).isEmpty();
        assertThat((Map<String, Object>) two.get("app2").get("extends")).containsEntry("file", "docker-compose.yml").containsEntry("service", "app");
        Object first = ((Map<String, Object>) two.get("app").get("environment")).get("CCR_INSTANCE_NAME");
        Object second = ((Map<String, Object>) two.get("app2").get("environment")).get("CCR_INSTANCE_NAME");
        assertThat(first).as("each instance has a name of its own, kept across restarts").isNotNull().isNotEqualTo(second);
        assertThat(second).isNotNull();
        assertThat(read("deploy/Caddyfile")).contains("app:8080 app2:8080").contains("health_uri /actuator/health/readiness");
    }

    /** The variables of the README's settings table. */
    static Set<String> readmeSettings() {
        String readme = read("README.md");
        String table = readme.substring(readme.indexOf("## Settings"), readme.indexOf("\n## ", readme.indexOf("## Settings") + 1));
        Set<String> names = new LinkedHashSet<>();
        for (String row : table.lines().filter(line -> line.startsWith("| `")).toList()) {
            String first = row.substring(2, row.indexOf(" |", 2));
            Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(first);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    static String read(String file) {
        try {
            return Files.readString(ROOT.resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("docker-compose.yml")) ? here : here.getParent();
    }
}
