package com.careregistry.core.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A file sent with a message, kept as the platform's reference to it (we do not copy files); its name
 * is cleaned as a label ({@link UserText}).
 */
@Embeddable
public record Attachment(
        @Column(nullable = false) String kind,
        @Column(name = "file_ref", nullable = false) String fileRef,
        @Column(name = "file_name") String fileName) {

    public static final String PHOTO = "PHOTO";
    public static final String DOCUMENT = "DOCUMENT";
    public static final String VOICE = "VOICE";
    public static final String VIDEO = "VIDEO";

    public Attachment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileRef, "fileRef");
        fileName = UserText.label(fileName);
    }
}
