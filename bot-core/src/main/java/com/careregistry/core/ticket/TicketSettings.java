package com.careregistry.core.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param autoAssign give each new ticket to the least-loaded active agent of its category (NFR-4) */
@ConfigurationProperties("careregistry.tickets")
public record TicketSettings(@DefaultValue("false") boolean autoAssign) {
}
