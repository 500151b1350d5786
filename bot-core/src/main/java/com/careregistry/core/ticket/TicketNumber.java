package com.careregistry.core.ticket;

import com.careregistry.core.common.DomainException;

/** The number a person uses for a ticket, shown as {@code #1042}. */
public record TicketNumber(long value) {

    public TicketNumber {
        if (value <= 0) {
            throw new DomainException("ticket.number.invalid");
        }
    }

    /** Reads "1042" or "#1042" as typed by a person; anything else is refused politely. */
    public static TicketNumber parse(String typed) {
        String clean = typed == null ? "" : typed.strip();
        if (clean.startsWith("#")) {
            clean = clean.substring(1);
        }
        if (clean.isEmpty() || clean.length() > 18 || !clean.chars().allMatch(Character::isDigit)) {
            throw new DomainException("ticket.number.invalid");
        }
        return new TicketNumber(Long.parseLong(clean));
    }

    @Override
    public String toString() {
        return "#" + value;
    }
}
