package com.careregistry.core.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * The platform did not take the message. {@code retryAfter} is the wait the platform asked for
 * (Telegram's {@code retry_after}, a local rate limit); {@code permanent} means no retry can help
 * (the user blocked the bot, the chat does not exist).
 */
public class DeliveryFailure extends Exception {

    private final transient Duration retryAfter;
    private final boolean permanent;
    private final boolean refusedByPlatform;
    private int partsDelivered;

    private DeliveryFailure(String reason, Duration retryAfter, boolean permanent, Throwable cause) {
        this(reason, retryAfter, permanent, false, cause);
    }

    private DeliveryFailure(String reason, Duration retryAfter, boolean permanent, boolean refusedByPlatform, Throwable cause) {
        super(reason, cause);
        this.retryAfter = retryAfter;
        this.permanent = permanent;
        this.refusedByPlatform = refusedByPlatform;
    }

    public static DeliveryFailure transientFailure(String reason, Throwable cause) {
        return new DeliveryFailure(reason, null, false, cause);
    }

    public static DeliveryFailure transientFailure(String reason) {
        return new DeliveryFailure(reason, null, false, null);
    }

    /** The platform (or our own limiter) asks us to wait; this try does not count as a failure. */
    public static DeliveryFailure rateLimited(String reason, Duration retryAfter) {
        return new DeliveryFailure(reason, retryAfter, false, null);
    }

    /**
     * The platform itself refused the message for its rate limit (HTTP 429) and asks us to wait:
     * counted apart, since our own limiter exists so that this does not happen.
     */
    public static DeliveryFailure tooManyRequests(String reason, Duration retryAfter) {
        return new DeliveryFailure(reason, retryAfter, false, true, null);
    }

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, null, true, null);
    }

    /**
     * The message was delivered in part before this failure: {@code parts} parts of it (counted from
     * the first, including those of earlier tries) arrived and must not be sent again.
     */
    public DeliveryFailure afterParts(int parts) {
        this.partsDelivered = parts;
        return this;
    }

    public int partsDelivered() {
        return partsDelivered;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean permanent() {
        return permanent;
    }

    /** The platform answered 429 (not our own limiter). */
    public boolean refusedByPlatform() {
        return refusedByPlatform;
    }
}
