package com.careregistry.core.common;

/** Where a message comes from or goes to. */
public enum Channel {
    TELEGRAM,
    DISCORD,
    /** Outbound email; never the source of an inbound event. */
    EMAIL,
    /** The web panel, as the source of an agent's reply or an admin's action. */
    WEB;

    public boolean isChat() {
        return this == TELEGRAM || this == DISCORD;
    }
}
