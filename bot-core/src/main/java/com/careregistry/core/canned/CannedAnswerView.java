package com.careregistry.core.canned;

/** A canned answer as the panel lists it: its name and its text, placeholders unfilled. */
public record CannedAnswerView(long id, String name, String body) {

    static CannedAnswerView of(CannedAnswer answer) {
        return new CannedAnswerView(answer.id(), answer.name(), answer.body());
    }
}
