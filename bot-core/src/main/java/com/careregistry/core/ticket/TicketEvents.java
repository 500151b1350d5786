package com.careregistry.core.ticket;

/** What happened to tickets, in the past tense; notifications and projections react to these. */
public final class TicketEvents {

    private TicketEvents() {
    }

    public record TicketOpened(Ticket ticket) {
    }

    public record AgentAssigned(Ticket ticket, Long agentId, Long previousAgentId) {
    }

    public record CustomerMessagePosted(Ticket ticket, TicketMessage message) {
    }

    public record CustomerMessageEdited(Ticket ticket, TicketMessage message, String previousText) {
    }

    /** The agent edited a message of theirs (in the staff thread where they wrote it). */
    public record AgentMessageEdited(Ticket ticket, TicketMessage message, String previousText) {
    }

    /** The customer edited the message that opened the ticket. */
    public record DescriptionEdited(Ticket ticket, String previousDescription) {
    }

    public record AgentMessagePosted(Ticket ticket, TicketMessage message) {
    }

    public record TicketResolved(Ticket ticket, Long byAgentId) {
    }

    public record TicketReopened(Ticket ticket) {
    }

    public record TicketClosed(Ticket ticket, Closer by, TicketStatus previousStatus) {
    }

    public record TicketRated(Ticket ticket, int stars, String comment) {
    }

    /** Who closed a ticket. */
    public enum Closer {
        CUSTOMER,
        ADMIN,
        /** Resolved, and not answered for the auto-close time. */
        AUTO
    }
}
