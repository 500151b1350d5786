package com.careregistry.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A chat platform that keeps files behind references of its own (Telegram's file ids) and can
 * read them, so that another platform's sender can upload a copy: a Telegram customer's photo
 * shown in a Discord staff thread.
 */
public interface ChatFiles {

    /** Whether {@code fileRef} is one of this platform's references. */
    boolean holds(String fileRef);

    /**
     * The file's bytes when it is at most {@code maxBytes} long; empty when it is larger.
     *
     * @throws FileGoneException when the platform no longer has the file
     * @throws IOException       when the platform cannot be reached now (worth trying again)
     */
    Optional<byte[]> read(String fileRef, long maxBytes) throws IOException;

    /** Reads at most {@code maxBytes} (one more, to tell): the bytes, or empty when the stream holds more. */
    static Optional<byte[]> readAtMost(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
    }
}
