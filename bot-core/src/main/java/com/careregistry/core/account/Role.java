package com.careregistry.core.account;

public enum Role {
    ADMIN,
    AGENT
}
