package com.careregistry.core.outbox;

/** What a sender reports after the platform accepted a message: its id there, if it has one. */
public record Delivery(String externalMessageId) {

    public static Delivery withoutId() {
        return new Delivery(null);
    }
}
