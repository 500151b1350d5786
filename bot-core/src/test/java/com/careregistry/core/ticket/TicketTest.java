package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.ticket.TicketEvents.AgentAssigned;
import com.careregistry.core.ticket.TicketEvents.Closer;
import com.careregistry.core.ticket.TicketEvents.TicketClosed;
import com.careregistry.core.ticket.TicketEvents.TicketOpened;
import com.careregistry.core.ticket.TicketEvents.TicketReopened;
import com.careregistry.core.ticket.TicketEvents.TicketResolved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The aggregate's own rules, without Spring or a database. */
class TicketTest {

    static final Long MARIA = 1L;
    static final Long OMAR = 2L;
    final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    Ticket fresh() {
        return Ticket.open(new TicketNumber(1042), 7L, 1L, Channel.TELEGRAM, "Phone is dead\nmore words", null, now);
    }

    static MessageContent text(String text) {
        return MessageContent.text(text, Channel.TELEGRAM, null);
    }

    @Test
    void opensWithoutAgentAndRecordsThatItOpened() {
        Ticket ticket = fresh();
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.subject()).isEqualTo("Phone is dead");
        assertThat(events(ticket)).singleElement().isInstanceOf(TicketOpened.class);
    }

    @Test
    void followsTheWholeLifeOfATicket() {
        Ticket ticket = fresh();
        ticket.assign(MARIA, now);
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        ticket.agentWrote(MARIA, text("Hold the power button 10 s"), now);
        assertThat(ticket.timeline().firstResponseAt()).isEqualTo(now);
        ticket.resolve(MARIA, now);
        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        ticket.customerWrote(text("Still dead"), now);
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        ticket.resolve(MARIA, now);
        ticket.close(Closer.CUSTOMER, now);
        ticket.rate(5, " Thanks! ", now);
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.rating()).map(Rating::stars).contains(5);
        assertThat(ticket.rating()).map(Rating::comment).contains("Thanks!");
        assertThat(events(ticket)).extracting(e -> e.getClass().getSimpleName()).contains("TicketOpened", "AgentAssigned",
                "AgentMessagePosted", "TicketResolved", "TicketReopened", "CustomerMessagePosted", "TicketClosed", "TicketRated");
        assertThat(events(ticket)).filteredOn(TicketResolved.class::isInstance).hasSize(2);
        assertThat(events(ticket)).filteredOn(TicketReopened.class::isInstance).hasSize(1);
        assertThat(events(ticket)).filteredOn(TicketClosed.class::isInstance).hasSize(1);
    }

    @Test
    void firstAgentMessageOnAnUnassignedTicketAssignsIt() {
        Ticket ticket = fresh();
        ticket.agentWrote(OMAR, text("I'm on it"), now);
        assertThat(ticket.agentId()).isEqualTo(OMAR);
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(events(ticket)).filteredOn(AgentAssigned.class::isInstance).hasSize(1);
    }

    @Test
    void onlyTheAssignedAgentMayWriteOrResolve() {
        Ticket ticket = fresh();
        ticket.assign(MARIA, now);
        assertRefused(() -> ticket.agentWrote(OMAR, text("me too"), now), "ticket.not-assigned-to-you");
        assertRefused(() -> ticket.resolve(OMAR, now), "ticket.not-assigned-to-you");
    }

    @Test
    void illegalTransitionsAreDomainErrorsNamingTheTicket() {
        Ticket ticket = fresh();
        assertRefused(() -> ticket.resolve(MARIA, now), "ticket.resolve.not-assigned");
        assertRefused(() -> ticket.rate(4, null, now), "ticket.rate.not-finished");
        ticket.close(Closer.ADMIN, now);
        assertRefused(() -> ticket.close(Closer.CUSTOMER, now), "ticket.already-closed");
        assertRefused(() -> ticket.customerWrote(text("hello?"), now), "ticket.closed");
        assertRefused(() -> ticket.assign(MARIA, now), "ticket.assign.closed");
        assertThatThrownBy(() -> ticket.close(Closer.CUSTOMER, now)).isInstanceOfSatisfying(TicketStateException.class,
                e -> assertThat(e.args()).containsExactly("#1042"));
    }

    @Test
    void ratingIsOnceAndFromOneToFive() {
        Ticket ticket = fresh();
        ticket.close(Closer.CUSTOMER, now);
        assertRefused(() -> ticket.rate(0, null, now), "ticket.rate.range");
        assertRefused(() -> ticket.rate(6, null, now), "ticket.rate.range");
        ticket.rate(3, null, now);
        assertRefused(() -> ticket.rate(5, null, now), "ticket.rate.already");
        assertThat(ticket.rating()).map(Rating::stars).contains(3);
    }

    @Test
    void subjectIsTheFirstLineShortenedAtAWord() {
        String longLine = "word ".repeat(40).strip();
        String subject = Subjects.of("  \n" + longLine + "\nsecond line");
        assertThat(subject).hasSizeLessThanOrEqualTo(Subjects.MAX_LENGTH).endsWith("word…");
        assertThat(Subjects.of("short\nsecond")).isEqualTo("short");
    }

    @Test
    void ticketNumbersAreReadAsPeopleTypeThem() {
        assertThat(TicketNumber.parse("#1042")).isEqualTo(new TicketNumber(1042));
        assertThat(TicketNumber.parse(" 1042 ")).isEqualTo(new TicketNumber(1042));
        for (String bad : new String[] {"", "#", "abc", "-5", "0", "12345678901234567890", "1e3"}) {
            assertThatThrownBy(() -> TicketNumber.parse(bad)).isInstanceOf(DomainException.class);
        }
    }

    private static void assertRefused(Runnable change, String key) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.textKey()).isEqualTo(key));
    }

    private static List<Object> events(Ticket ticket) {
        return new ArrayList<>(new EventsPeek(ticket).events());
    }

    /** AbstractAggregateRoot keeps its events protected; the test reads them the way Spring Data does. */
    private record EventsPeek(Ticket ticket) {
        @SuppressWarnings("unchecked")
        java.util.Collection<Object> events() {
            try {
                var method = org.springframework.data.domain.AbstractAggregateRoot.class.getDeclaredMethod("domainEvents");
                method.setAccessible(true);
                return (java.util.Collection<Object>) method.invoke(ticket);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
