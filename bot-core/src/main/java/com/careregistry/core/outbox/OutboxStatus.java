package com.careregistry.core.outbox;

public enum OutboxStatus {
    /** waiting for its first try or for its next retry */
    PENDING,
    SENT,
    /** given up after the last try; its error is kept and an admin can retry it */
    DEAD
}
