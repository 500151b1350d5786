package com.careregistry.core.verification;

public enum VerificationStatus {
    PENDING,
    CONFIRMED,
    /** replaced by a newer code, or used up its tries */
    CANCELLED
}
