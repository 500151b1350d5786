package com.careregistry.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With a first answer promised within 30 minutes and a resolution within 4 hours, all day: the
 * dashboard's breaches per day count each due time that passed unmet, on the day it passed.
 */
class SlaStatsPerDayTest extends CoreTest {

    @Autowired
    SlaStats stats;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    ResolveTicket resolveTicket;

    @BeforeEach
    void halfAnHourAndFourHours() {
        categories.promise(categories.active().get(0).id(), "30m", "4h");
    }

    @Test
    void eachBreachCountsOnTheDayItsDueTimePassed() {
        AgentView maria = agent("Maria");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // three days ago at noon: answered after an hour (late), resolved after two (in time)
        at(today.minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC));
        Ticket answeredLate = open(customer("Ann"), "answered late");
        clock.advance(Duration.ofHours(1));
        answer(maria, answeredLate);
        clock.advance(Duration.ofHours(1));
        resolveTicket.resolve(answeredLate.number(), maria.id());
        // two days ago at noon: answered in ten minutes, never resolved (its resolution is late from 16:00)
        at(today.minusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC));
        Ticket unresolved = open(customer("Bob"), "answered, never resolved");
        clock.advance(Duration.ofMinutes(10));
        answer(maria, unresolved);
        // two days ago at noon too: nothing ever happened, both due times passed
        clock.advance(Duration.ofMinutes(-10));
        open(customer("Cem"), "ignored");
        // forty days ago: late, but before the chart's days
        at(today.minusDays(40).atTime(12, 0).toInstant(ZoneOffset.UTC));
        open(customer("Dan"), "long ago");
        clock.reset();
        clock.advance(Duration.between(clock.instant(), now));

        Map<LocalDate, SlaStats.Day> perDay = stats.perDay();
        assertThat(perDay).hasSize(30);
        assertThat(perDay.keySet()).first().isEqualTo(today.minusDays(29));
        assertThat(perDay.get(today.minusDays(3))).isEqualTo(new SlaStats.Day(1, 0));
        assertThat(perDay.get(today.minusDays(2))).isEqualTo(new SlaStats.Day(1, 2));
        assertThat(perDay.values().stream().mapToLong(SlaStats.Day::total).sum()).isEqualTo(4);
    }

    private void at(Instant moment) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), moment));
    }

    private void answer(AgentView agent, Ticket ticket) {
        postAgentMessage.post(new PostAgentMessage.Command(agent.id(), ticket.number(),
                MessageContent.text("Which model is it?", Channel.TELEGRAM, null)));
    }
}
