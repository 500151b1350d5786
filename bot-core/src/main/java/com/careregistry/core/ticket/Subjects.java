package com.careregistry.core.ticket;

import com.careregistry.core.common.UserText;

/** A ticket's subject: the first line of its description, cleaned as a label, shortened to fit a list. */
final class Subjects {

    static final int MAX_LENGTH = 80;

    private Subjects() {
    }

    static String of(String description) {
        String firstLine = UserText.label(description.strip().lines().findFirst().orElse(""));
        if (firstLine.length() <= MAX_LENGTH) {
            return firstLine;
        }
        String cut = firstLine.substring(0, MAX_LENGTH - 1);
        int space = cut.lastIndexOf(' ');
        if (space > MAX_LENGTH / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }
}
