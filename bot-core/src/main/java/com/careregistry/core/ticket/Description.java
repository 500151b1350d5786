package com.careregistry.core.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;

/**
 * What the customer asked, in their words: the description, the subject made of its first line
 * (so the two always agree), and the platform's id of the message it came from (so an edit of that
 * message edits the description).
 */
@Embeddable
public class Description {

    @Column(name = "description", nullable = false, columnDefinition = "TEXT")
    private String text;

    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "opening_message_id")
    private String openingMessageId;

    protected Description() {
    }

    Description(String text, String openingMessageId) {
        this.text = text;
        this.subject = Subjects.of(text);
        this.openingMessageId = openingMessageId;
    }

    /** The new text replaces the old, which is returned; the same text again changes nothing. */
    Optional<String> edit(String newText) {
        if (newText.equals(text)) {
            return Optional.empty();
        }
        String previous = text;
        text = newText;
        subject = Subjects.of(newText);
        return Optional.of(previous);
    }

    /** The platform's id of the customer's message that opened the ticket; null when a form opened it. */
    public String openingMessageId() {
        return openingMessageId;
    }

    public String text() {
        return text;
    }

    public String subject() {
        return subject;
    }
}
