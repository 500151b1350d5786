package com.careregistry.core.canned;

/**
 * A canned answer as the panel lists it: its name and its text, placeholders unfilled, and whether
 * it is an agent's own (else the desk's).
 */
public record CannedAnswerView(long id, String name, String body, boolean own) {

    static CannedAnswerView of(CannedAnswer answer) {
        return new CannedAnswerView(answer.id(), answer.name(), answer.body(), answer.agentId() != null);
    }
}
