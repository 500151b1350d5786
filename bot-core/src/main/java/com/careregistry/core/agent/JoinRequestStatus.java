package com.careregistry.core.agent;

public enum JoinRequestStatus {
    PENDING,
    ACCEPTED,
    REJECTED
}
