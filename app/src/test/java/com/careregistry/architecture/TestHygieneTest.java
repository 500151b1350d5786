package com.careregistry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.testfixture.SleepingTest;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No test sleeps: a test waits for what it means (a condition, with Awaitility; a latch; a scheduled
 * step; a clock it moves), never for a guessed time. Checked on the test classes of every module
 * (the benchmarks and load drivers among them): app's own from its test classpath, the other
 * modules' from their {@code target/test-classes}, which a build from the root has compiled by the
 * time app's tests run. The rule is shown failing on a class that sleeps on purpose
 * ({@code com.careregistry.testfixture}, left out of the real check).
 */
class TestHygieneTest {

    /** The modules built before app, whose test classes are not on app's test classpath as such. */
    static final List<String> OTHER_MODULES = List.of("bot-core", "telegram-adapter", "discord-adapter", "web-admin");

    static final String FIXTURES = "com.careregistry.testfixture";

    /**
     * A call (or method reference) that lets time pass without waiting for anything: any
     * {@code Thread.sleep} ({@code long}, {@code long, int}, {@code Duration}, also through a subclass
     * of Thread), {@code TimeUnit.sleep}, {@code LockSupport.parkNanos} and {@code parkUntil}.
     */
    static final DescribedPredicate<JavaAccess<?>> A_SLEEP = DescribedPredicate.describe(
            "Thread.sleep, TimeUnit.sleep, LockSupport.parkNanos or LockSupport.parkUntil", access -> {
                if (!(access instanceof JavaCodeUnitAccess<?>)) {
                    return false;
                }
                JavaClass owner = access.getTargetOwner();
                String name = access.getName();
                return (owner.isAssignableTo(Thread.class) || owner.isEquivalentTo(TimeUnit.class)) && name.equals("sleep")
                        || owner.isEquivalentTo(LockSupport.class) && (name.equals("parkNanos") || name.equals("parkUntil"));
            });

    static final ArchRule TESTS_DO_NOT_SLEEP = noClasses().should().accessTargetWhere(A_SLEEP)
            .because("a test waits for what it means: a condition (Awaitility), a latch, a scheduled step or a clock it moves,"
                    + " never for a guessed time");

    /** Each module's test classes directory, by module. */
    static final Map<String, Path> TEST_CLASSES = new LinkedHashMap<>();

    static JavaClasses tests;

    @BeforeAll
    static void importTheTestsOfEveryModule() {
        // Maven runs app's tests in app/: the other modules are its siblings
        Path root = Path.of("").toAbsolutePath().getParent();
        TEST_CLASSES.put("app", Path.of("target", "test-classes").toAbsolutePath());
        for (String module : OTHER_MODULES) {
            TEST_CLASSES.put(module, root.resolve(module).resolve("target").resolve("test-classes"));
        }
        TEST_CLASSES.forEach((module, directory) -> assertThat(Files.isDirectory(directory))
                .as("%s's test classes are not at %s: run app's tests from app/ after the other modules' tests were compiled"
                        + " (a build from the root, e.g. mvn -B verify, does that)", module, directory)
                .isTrue());
        Set<Location> locations = new LinkedHashSet<>(Locations.ofPackage("com.careregistry"));
        for (String module : OTHER_MODULES) {
            locations.add(Location.of(TEST_CLASSES.get(module)));
        }
        ImportOption notTheFixtures = location -> !location.contains("/" + FIXTURES.replace('.', '/') + "/");
        tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .withImportOption(notTheFixtures).importLocations(locations);
    }

    @Test
    void noTestOfAnyModuleSleeps() {
        TESTS_DO_NOT_SLEEP.check(tests);
    }

    @Test
    void theTestClassesOfEveryModuleAreChecked() {
        TEST_CLASSES.forEach((module, directory) -> assertThat(tests.stream().filter(type -> comesFrom(type, directory)).count())
                .as("test classes of %s imported from %s", module, directory).isPositive());
        assertThat(tests.stream().map(JavaClass::getName)).as("test classes only, the fixtures left out")
                .contains(TestHygieneTest.class.getName(), "com.careregistry.telegram.TelegramRateLimiterTest",
                        "com.careregistry.bench.RelayBenchmark", "com.careregistry.process.RelayLoad")
                .doesNotContain(SleepingTest.class.getName(), "com.careregistry.telegram.TelegramRateLimiter")
                .noneMatch(name -> name.startsWith(FIXTURES + "."));
    }

    @Test
    void aTestThatSleepsBreaksTheBuild() {
        JavaClasses sleeping = new ClassFileImporter().importPackagesOf(SleepingTest.class);
        assertThatThrownBy(() -> TESTS_DO_NOT_SLEEP.check(sleeping))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SleepingTest")
                .hasMessageContaining("java.lang.Thread.sleep(long)")
                .hasMessageContaining("java.lang.Thread.sleep(long, int)")
                .hasMessageContaining("java.util.concurrent.TimeUnit.sleep(long)")
                .hasMessageContaining("java.util.concurrent.locks.LockSupport.parkNanos(long)")
                .hasMessageContaining("java.util.concurrent.locks.LockSupport.parkNanos(java.lang.Object, long)")
                .hasMessageContaining("SleepingTest.sleepsInALambda()")
                .hasMessageContaining("SleepingTest.sleepsByReference()")
                .hasMessageContaining("SleepingTest$Sleeper.run()");
    }

    private static boolean comesFrom(JavaClass type, Path directory) {
        return type.getSource().map(source -> "file".equals(source.getUri().getScheme()) && Path.of(source.getUri()).startsWith(directory))
                .orElse(false);
    }
}
