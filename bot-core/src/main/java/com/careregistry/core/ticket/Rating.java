package com.careregistry.core.ticket;

import com.careregistry.core.common.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * What the customer thought of a finished ticket: one to five stars, given once, and an optional
 * comment, given once (with the stars or after them).
 */
@Embeddable
public record Rating(@Column(name = "rating") Integer stars, @Column(name = "rating_comment") String comment,
                     @Column(name = "rated_at") Instant ratedAt) {

    static Rating of(int stars, String comment, Instant now) {
        if (stars < 1 || stars > 5) {
            throw new DomainException("ticket.rate.range");
        }
        return new Rating(stars, comment == null || comment.isBlank() ? null : comment.strip(), now);
    }

    boolean hasComment() {
        return comment != null;
    }

    /** The comment that follows the stars (the ticket refuses a second one). */
    Rating withComment(String newComment) {
        if (newComment == null || newComment.isBlank()) {
            throw new DomainException("message.empty");
        }
        return new Rating(stars, newComment.strip(), ratedAt);
    }
}
