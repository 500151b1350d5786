package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.DeskTrends.Wait;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's trends counted from tickets opened, answered, resolved, reopened, closed and rated at past times. */
class DeskTrendsTest extends CoreTest {

    @Autowired
    DeskTrends trends;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    PostCustomerMessage postCustomerMessage;
    @Autowired
    ResolveTicket resolveTicket;
    @Autowired
    CloseTicket closeTicket;
    @Autowired
    RateTicket rateTicket;
    @Autowired
    AssignAgent assignAgent;

    @Test
    void theBacklogIsTheTicketsStillOpenAtEachDaysEnd() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        AgentView maria = agent("Maria");
        at(now, 40);
        open(customer("c1"), "open for forty days");
        Ticket longDone = open(customer("c2"), "done long ago");
        assignAgent.assign(longDone.number(), maria.id());
        at(now, 35);
        resolveTicket.resolve(longDone.number(), maria.id());

        at(now, 5);
        Ticket a = open(customer("c3"), "a");
        Ticket b = open(customer("c4"), "b");
        open(customer("c5"), "c");
        at(now, 4);
        Ticket old = open(customer("c6"), "from before the history was kept");
        assignAgent.assign(old.number(), maria.id());
        at(now, 3);
        assignAgent.assign(a.number(), maria.id());
        resolveTicket.resolve(a.number(), maria.id());
        at(now, 2);
        closeTicket.byCustomer(b.customerId(), b.number());
        resolveTicket.resolve(old.number(), maria.id());
        jdbc.update("DELETE FROM ticket_history WHERE ticket_id = ?", old.id());
        at(now, 1);
        postCustomerMessage.post(new PostCustomerMessage.Command(a.customerId(), a.number(), MessageContent.text("still broken", Channel.TELEGRAM, "m-1")));
        at(now, 0);

        var backlog = trends.backlogPerDay();
        assertThat(backlog).hasSize(30);
        assertThat(backlog.keySet()).first().isEqualTo(today.minusDays(29));
        assertThat(backlog.get(today.minusDays(29))).as("the ticket open for forty days; not the one resolved 35 days ago").isEqualTo(1);
        assertThat(backlog.get(today.minusDays(6))).isEqualTo(1);
        assertThat(backlog.get(today.minusDays(5))).as("three more opened").isEqualTo(4);
        assertThat(backlog.get(today.minusDays(4))).as("and one more").isEqualTo(5);
        assertThat(backlog.get(today.minusDays(3))).as("a resolved").isEqualTo(4);
        assertThat(backlog.get(today.minusDays(2))).as("b closed, the old one resolved (known by its resolved_at alone)").isEqualTo(2);
        assertThat(backlog.get(today.minusDays(1))).as("a reopened by the customer's message").isEqualTo(3);
        assertThat(backlog.get(today)).isEqualTo(3);
    }

    @Test
    void firstAnswersFallIntoTheirWaits() {
        AgentView maria = agent("Maria");
        clock.advance(Duration.ofDays(-2));
        answerAfter(maria, open(customer("c7"), "ten minutes"), Duration.ofMinutes(10));
        answerAfter(maria, open(customer("c8"), "two hours"), Duration.ofHours(2));
        answerAfter(maria, open(customer("c9"), "fourteen minutes"), Duration.ofMinutes(14));
        answerAfter(maria, open(customer("c10"), "a day and a half"), Duration.ofHours(36));
        open(customer("c11"), "nobody answered yet");
        Ticket closed = open(customer("c12"), "closed unanswered");
        closeTicket.byCustomer(closed.customerId(), closed.number());
        clock.advance(Duration.ofDays(-40));
        open(customer("c13"), "too old to count");
        clock.reset();

        assertThat(trends.firstResponses()).containsExactly(
                java.util.Map.entry(Wait.UNDER_15_MINUTES, 2L), java.util.Map.entry(Wait.UNDER_1_HOUR, 0L),
                java.util.Map.entry(Wait.UNDER_4_HOURS, 1L), java.util.Map.entry(Wait.UNDER_1_DAY, 0L),
                java.util.Map.entry(Wait.OVER_1_DAY, 1L), java.util.Map.entry(Wait.WAITING, 1L),
                java.util.Map.entry(Wait.NEVER_ANSWERED, 1L));
    }

    @Test
    void satisfactionIsTheAverageOfEachWeeksRatingsAndNothingForAWeekWithout() {
        LocalDate thisMonday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant twoWeeksAgo = thisMonday.minusWeeks(2).atStartOfDay(ZoneOffset.UTC).plusHours(10).toInstant();
        rateAt(twoWeeksAgo, 5);
        rateAt(twoWeeksAgo.plus(Duration.ofDays(3)), 3);
        rateAt(thisMonday.atStartOfDay(ZoneOffset.UTC).plusMinutes(1).toInstant(), 2);
        rateAt(thisMonday.minusWeeks(13).atStartOfDay(ZoneOffset.UTC).toInstant(), 1);
        clock.reset();

        List<DeskTrends.Week> weeks = trends.satisfactionPerWeek();
        assertThat(weeks).hasSize(12);
        assertThat(weeks.get(0).monday()).isEqualTo(thisMonday.minusWeeks(11));
        assertThat(weeks.get(9)).isEqualTo(new DeskTrends.Week(thisMonday.minusWeeks(2), 2, Optional.of(4.0)));
        assertThat(weeks.get(10)).as("a week without ratings is a gap").isEqualTo(new DeskTrends.Week(thisMonday.minusWeeks(1), 0, Optional.empty()));
        assertThat(weeks.get(11)).isEqualTo(new DeskTrends.Week(thisMonday, 1, Optional.of(2.0)));
        assertThat(weeks.stream().mapToLong(DeskTrends.Week::ratings).sum()).as("the rating of 13 weeks ago is left out").isEqualTo(3);
    }

    private void at(Instant now, int daysAgo) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), now.minus(Duration.ofDays(daysAgo))));
    }

    private void answerAfter(AgentView agent, Ticket ticket, Duration wait) {
        clock.advance(wait);
        postAgentMessage.post(new PostAgentMessage.Command(agent.id(), ticket.number(), MessageContent.text("hello", Channel.TELEGRAM, null)));
        clock.advance(wait.negated());
    }

    private void rateAt(Instant at, int stars) {
        Customer customer = customer("rater-" + at.toEpochMilli());
        clock.reset();
        clock.advance(Duration.between(clock.instant(), at));
        Ticket ticket = open(customer, "rated " + stars);
        closeTicket.byCustomer(customer.id(), ticket.number());
        rateTicket.rate(customer.id(), ticket.number(), stars, null);
    }
}
