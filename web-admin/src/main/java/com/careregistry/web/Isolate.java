package com.careregistry.web;

import com.careregistry.core.common.UserText;
import org.springframework.stereotype.Component;

/**
 * Text someone else typed (a customer's name, a subject, a file name, an agent's name), set inside
 * one of our sentences: wrapped in Unicode's first-strong isolate (U+2068 … U+2069), so a
 * right-to-left override or other direction marks in it cannot reorder the sentence around it. The
 * same as {@code <bdi>}, for places that take plain text (flash messages, message arguments).
 * Templates use {@code dir="auto"} or {@code <bdi>} on the element itself. The rule is
 * {@link UserText}'s.
 */
@Component("isolate")
public class Isolate {

    public static String text(String typed) {
        return UserText.wrap(typed);
    }

    /** For templates: {@code ${@isolate.of(name)}}. */
    public String of(String typed) {
        return text(typed);
    }
}
