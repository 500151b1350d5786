package com.careregistry.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeskStatsTest extends CoreTest {

    @Autowired
    DeskStats stats;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    CloseTicket closeTicket;
    @Autowired
    RateTicket rateTicket;

    @Test
    void countsTheDeskAsTheDashboardShowsIt() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        clock.advance(Duration.ofDays(-3));
        Ticket old = open(ann, "three days ago");
        clock.advance(Duration.ofMinutes(10));
        postAgentMessage.post(new PostAgentMessage.Command(maria.id(), old.number(), MessageContent.text("hi", Channel.TELEGRAM, null)));
        clock.reset();
        Ticket today = open(ann, "today");
        closeTicket.byCustomer(ann.id(), today.number());
        rateTicket.rate(ann.id(), today.number(), 4, null);
        open(ann, "also today");

        DeskStats.Stats now = stats.now();
        assertThat(now.byStatus()).containsEntry(TicketStatus.OPEN, 1L).containsEntry(TicketStatus.ASSIGNED, 1L)
                .containsEntry(TicketStatus.CLOSED, 1L);
        assertThat(now.unassigned()).isEqualTo(1);
        assertThat(now.openedToday()).isEqualTo(2);
        assertThat(now.openedLast7Days()).isEqualTo(3);
        assertThat(now.medianFirstResponse()).contains(Duration.ofMinutes(10));
        assertThat(now.averageRating()).contains(4.0);
        assertThat(now.openedPerDay()).hasSize(30)
                .containsEntry(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), 2L);
        assertThat(now.maxPerDay()).isEqualTo(2);
    }
}
