package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.OutboxMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resolved ticket the customer does not answer within the auto-close time (7 days by default) is
 * closed, with a message that asks for the rating; writing before then reopens it, and it stays.
 */
class AutoCloseTest extends CoreTest {

    @Autowired
    AutoClose autoClose;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    PostCustomerMessage postCustomerMessage;
    @Autowired
    ResolveTicket resolveTicket;
    @Autowired
    Tickets tickets;

    @Test
    void aResolvedTicketNobodyAnsweredForSevenDaysIsClosedWithTheRatingPrompt() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        Ticket quiet = resolved(ann, maria, "Printer jams");
        Ticket answered = resolved(ann, maria, "Screen flickers");

        clock.advance(Duration.ofDays(3));
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), answered.number(),
                MessageContent.text("It flickers again", Channel.TELEGRAM, "m-9")));   // writing again reopens it

        clock.advance(Duration.ofDays(4).minusMinutes(1));
        assertThat(autoClose.closeDue()).as("one minute before the seven days").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(autoClose.closeDue()).isOne();

        assertThat(status(quiet)).isEqualTo(TicketStatus.CLOSED);
        assertThat(status(answered)).as("the customer answered: reopened, not closed").isEqualTo(TicketStatus.ASSIGNED);
        OutboxMessage notice = outbox().stream().filter(row -> "chat-Ann".equals(row.chat().map(c -> c.chatId()).orElse(null))).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(notice.body()).isEqualTo(en("customer.ticket-closed-auto", quiet.number().toString()) + "\n\n"
                + en("customer.rate.ask", quiet.number().toString()));
        assertThat(notice.actions()).extracting(MessageAction::label).containsExactly("★", "★★", "★★★", "★★★★", "★★★★★");
        assertThat(autoClose.closeDue()).as("nothing closed twice").isZero();
    }

    private Ticket resolved(Customer customer, AgentView agent, String description) {
        Ticket ticket = open(customer, description);
        postAgentMessage.post(new PostAgentMessage.Command(agent.id(), ticket.number(),
                MessageContent.text("Try turning it off and on", Channel.TELEGRAM, null)));
        resolveTicket.resolve(ticket.number(), agent.id());
        return ticket;
    }

    private TicketStatus status(Ticket ticket) {
        return tickets.findByNumber(ticket.number().value()).orElseThrow().status();
    }
}
