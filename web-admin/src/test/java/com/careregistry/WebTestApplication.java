package com.careregistry;

import com.careregistry.core.files.ChatFiles;
import com.careregistry.core.files.FileGoneException;
import com.careregistry.testsupport.ShiftedClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The core and the panel, as the panel's tests run them (no chat adapters), on a clock tests can move
 * forward, with a stand-in chat platform holding two files ({@link #TEST_PHOTO}, {@link #TEST_DOCUMENT}).
 */
@SpringBootApplication
public class WebTestApplication {

    /** A file reference of the stand-in platform: a 2×2 PNG picture. */
    public static final String TEST_PHOTO = "test-file:photo";
    /** A file reference of the stand-in platform: a small PDF-looking document. */
    public static final String TEST_DOCUMENT = "test-file:document";
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPgzLwFRAwQCgAhGgUxZmXFYAAAAABJRU5ErkJggg==");

    @Bean
    @Primary
    ShiftedClock testClock() {
        return new ShiftedClock();
    }

    /** The chat platform of the tests: it holds references starting {@code test-file:}, and knows two of them. */
    @Bean
    ChatFiles testPlatformFiles() {
        return new ChatFiles() {
            @Override
            public boolean holds(String fileRef) {
                return fileRef.startsWith("test-file:");
            }

            @Override
            public Optional<byte[]> read(String fileRef, long maxBytes) throws FileGoneException {
                return switch (fileRef) {
                    case TEST_PHOTO -> Optional.of(PNG);
                    case TEST_DOCUMENT -> Optional.of("%PDF-1.4 an invoice".getBytes(StandardCharsets.US_ASCII));
                    default -> throw new FileGoneException("no such test file " + fileRef);
                };
            }
        };
    }
}
