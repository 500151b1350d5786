package com.careregistry.core.files;

import java.io.IOException;

/** The platform answered that the file does not exist (any more): trying again cannot help. */
public class FileGoneException extends IOException {

    public FileGoneException(String message) {
        super(message);
    }
}
