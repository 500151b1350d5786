package com.careregistry.core.common;

import java.util.Arrays;

/**
 * A rule of the domain said no. Carries the text key (and its arguments) that tells the person
 * why, in their language; callers render it and change nothing.
 */
public class DomainException extends RuntimeException {

    private final String textKey;
    private final transient Object[] args;

    public DomainException(String textKey, Object... args) {
        super(textKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.textKey = textKey;
        this.args = args.clone();
    }

    public String textKey() {
        return textKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
