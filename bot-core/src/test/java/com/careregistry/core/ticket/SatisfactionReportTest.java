package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Ratings and comments by agent, by category and by week, for the desk or one agent. */
class SatisfactionReportTest extends CoreTest {

    @Autowired
    SatisfactionReport reports;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    ResolveTicket resolveTicket;
    @Autowired
    RateTicket rateTicket;

    @Test
    void ratingsAreAveragedByAgentCategoryAndWeekAndCommentsListedNewestFirst() {
        AgentView maria = agent("Maria");
        AgentView omar = agent("Omar");
        rated(customer("Ann"), maria, 5, "Quick and kind");
        clock.advance(Duration.ofDays(7));
        rated(customer("Bob"), maria, 3, null);
        rated(customer("Cid"), omar, 2, "Slow");

        SatisfactionReport.Report desk = reports.of(null, 4);
        assertThat(desk.ratings()).isEqualTo(3);
        assertThat(desk.average()).isEqualTo(10 / 3.0);
        assertThat(desk.byAgent()).containsExactly(new SatisfactionReport.Group("Maria Agentson", 2, 4.0),
                new SatisfactionReport.Group("Omar Agentson", 1, 2.0));
        assertThat(desk.byCategory()).singleElement().satisfies(g -> assertThat(g.ratings()).isEqualTo(3));
        assertThat(desk.byWeek()).hasSize(4).extracting(SatisfactionReport.Week::ratings).endsWith(1L, 2L);
        assertThat(desk.byWeek().get(3).average()).isEqualTo(2.5);
        assertThat(desk.byWeek().get(0).ratings()).isZero();
        assertThat(desk.comments()).extracting(SatisfactionReport.Comment::comment).containsExactly("Slow", "Quick and kind");

        SatisfactionReport.Report marias = reports.of(maria.id(), 4);
        assertThat(marias.ratings()).isEqualTo(2);
        assertThat(marias.average()).isEqualTo(4.0);
        assertThat(marias.comments()).extracting(SatisfactionReport.Comment::agent).containsOnly("Maria Agentson");
        assertThat(reports.of(null, 1).ratings()).as("only this week").isEqualTo(2);
    }

    private void rated(Customer customer, AgentView agent, int stars, String comment) {
        Ticket ticket = open(customer, "Help with something");
        postAgentMessage.post(new PostAgentMessage.Command(agent.id(), ticket.number(), MessageContent.text("Done", Channel.TELEGRAM, null)));
        resolveTicket.resolve(ticket.number(), agent.id());
        rateTicket.rate(customer.id(), ticket.number(), stars, comment);
    }
}
