package com.careregistry.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No class of the core is over 250 lines: a class that grows past that holds more than one concern
 * and is split by concern (as the ticket's rating, timeline and description were). Counted on the
 * source files, from app's working directory ({@code app/} when Maven runs its tests).
 */
class ClassSizeTest {

    static final int MAX_LINES = 250;
    static final Path CORE_SOURCES = Path.of("..", "bot-core", "src", "main", "java");

    @Test
    void noClassOfTheCoreIsOver250Lines() {
        assertThat(CORE_SOURCES).as("bot-core's sources, seen from app/").isDirectory();
        Map<String, Long> oversized = oversized(CORE_SOURCES, MAX_LINES);
        assertThat(oversized).as("classes of bot-core over %d lines", MAX_LINES).isEmpty();
        assertThat(javaFiles(CORE_SOURCES)).as("the check read the core's classes").hasSizeGreaterThan(100);
    }

    @Test
    void aClassOneLineOverTheLimitIsFound(@TempDir Path sources) throws IOException {
        Path big = sources.resolve("com/careregistry/core/Big.java");
        Files.createDirectories(big.getParent());
        Files.write(big, Stream.generate(() -> "// line").limit(MAX_LINES + 1).toList());
        Files.write(sources.resolve("com/careregistry/core/Fits.java"), Stream.generate(() -> "// line").limit(MAX_LINES).toList());
        assertThat(oversized(sources, MAX_LINES)).containsOnlyKeys("com/careregistry/core/Big.java")
                .containsEntry("com/careregistry/core/Big.java", (long) MAX_LINES + 1);
    }

    static Map<String, Long> oversized(Path root, int limit) {
        Map<String, Long> found = new TreeMap<>();
        for (Path file : javaFiles(root)) {
            long lines = lines(file);
            if (lines > limit) {
                found.put(root.relativize(file).toString().replace('\\', '/'), lines);
            }
        }
        return found;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
