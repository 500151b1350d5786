package com.careregistry.core.ticket;

public enum AuthorType {
    CUSTOMER,
    AGENT,
    SYSTEM
}
