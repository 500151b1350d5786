package com.careregistry.core.common;

/** Something asked for does not exist, or is not the asker's to see (the two look the same). */
public class NotFoundException extends DomainException {

    public NotFoundException(String textKey, Object... args) {
        super(textKey, args);
    }
}
