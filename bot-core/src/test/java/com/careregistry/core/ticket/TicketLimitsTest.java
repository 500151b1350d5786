package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The spam limits: at most {@code max-open} tickets waiting for an answer, at most {@code max-per-hour}
 * opened in any hour; the refusal says what to do, and for the hourly limit in how many minutes.
 */
@TestPropertySource(properties = {"careregistry.tickets.max-open=2", "careregistry.tickets.max-per-hour=3"})
class TicketLimitsTest extends CoreTest {

    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    ResolveTicket resolveTicket;

    @Test
    void aCustomerWithTwoTicketsWaitingOpensAThirdOnlyOnceOneIsResolved() {
        Customer ann = customer("Ann");
        Ticket first = open(ann, "Printer jams");
        open(ann, "Screen flickers");
        assertThat(refusal(ann)).isEqualTo("You already have 2 tickets waiting for an answer. Please write in one of them, "
                + "or open a new one once one is resolved.");
        assertThatThrownBy(() -> openTicket.mayOpen(ann.id())).isInstanceOf(DomainException.class);

        resolve(first, agent("Maria"));
        assertThat(open(ann, "Keyboard sticks").number()).isNotNull();
        Customer bob = customer("Bob");
        assertThat(open(bob, "Another customer, other limits").number()).isNotNull();
    }

    @Test
    void theFourthTicketInAnHourIsRefusedWithTheMinutesUntilTheNext() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        resolve(open(ann, "One"), maria);
        clock.advance(Duration.ofMinutes(10));
        resolve(open(ann, "Two"), maria);
        clock.advance(Duration.ofMinutes(10));
        open(ann, "Three");
        assertThat(refusal(ann)).isEqualTo("You have opened 3 tickets in the last hour. You can open another in 40 minutes.");

        clock.advance(Duration.ofMinutes(39));
        assertThat(refusal(ann)).endsWith("You can open another in 1 minute.");
        clock.advance(Duration.ofMinutes(1));
        assertThat(open(ann, "Four").number()).as("the first left the hour").isNotNull();
    }

    private String refusal(Customer customer) {
        try {
            open(customer, "One too many");
        } catch (DomainException e) {
            return texts.explain("en", e);
        }
        throw new AssertionError("the ticket was opened");
    }

    private void resolve(Ticket ticket, AgentView agent) {
        postAgentMessage.post(new PostAgentMessage.Command(agent.id(), ticket.number(), MessageContent.text("Done", Channel.TELEGRAM, null)));
        resolveTicket.resolve(ticket.number(), agent.id());
    }
}
