package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.RateTicket;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.Ticket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's charts (tickets opened per day, tickets open at each day's end, the waits for a
 * first answer, the weekly rating, the breaches per day) have axes, dates and the numbers the desk's
 * tickets make, and each says so, and what to do, when there is nothing to draw.
 */
class DashboardChartTest extends WebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    ResolveTicket resolveTicket;
    @Autowired
    RateTicket rateTicket;

    @Test
    void withNoTicketsTheChartSaysSoInsteadOfBlankSpace() throws Exception {
        Document dashboard = dashboard();
        assertThat(dashboard.select("#per-day-none").text()).startsWith("No tickets were opened in the last 30 days.")
                .contains("check under Channels");
        assertThat(dashboard.select("#backlog-none").text()).startsWith("No ticket was left open");
        assertThat(dashboard.select("#waits-none").text()).startsWith("No tickets were opened in the last 30 days");
        assertThat(dashboard.select("#ratings-none").text()).startsWith("No ratings in the last 12 weeks.");
        assertThat(dashboard.select("#breaches-none").text()).contains("set them under Categories");
        assertThat(dashboard.select("svg.chart")).isEmpty();
        assertThat(dashboard.select("figure > figcaption")).hasSize(5);
    }

    @Test
    void theChartHasABarPerDayAnAxisAndADateEveryFifthDay() throws Exception {
        open(customer("Ann"), "Printer jams");
        clock.advance(Duration.ofDays(10));
        for (String name : new String[] {"Bob", "Cem", "Dan"}) {
            open(customer(name), "Screen flickers");
        }
        Document dashboard = dashboard();
        assertThat(dashboard.select("#per-day-none")).isEmpty();
        assertThat(dashboard.select("#per-day-chart rect")).hasSize(30);
        assertThat(dashboard.select("#per-day-chart .axis text").eachText()).as("0 to a round number over the busiest day (3)")
                .containsExactly("0", "2", "4");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        assertThat(dashboard.select("#per-day-chart .bar text").eachText()).hasSize(7)
                .startsWith(today.minusDays(29).format(label)).endsWith(today.format(label));
        assertThat(dashboard.select("#per-day-chart rect title").eachText()).contains(today + ": 3", today.minusDays(10) + ": 1");
    }

    @Test
    void theTrendsChartsCountTheBacklogTheWaitsTheRatingsAndTheBreaches() throws Exception {
        categories.promise(categories.active().get(0).id(), "30m", "4h");
        AgentView maria = agents.create(new CreateAgentCommand("Maria", "Agentson", "maria@example.com", "en",
                Set.of(categories.active().get(0).id())));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // three days ago: A answered in 10 minutes and resolved in an hour; B answered after two hours (late)
        at(today.minusDays(3), 12, 0);
        Customer ann = customer("Ann");
        Customer bob = customer("Bob");
        Ticket a = open(ann, "Printer jams");
        Ticket b = open(bob, "Screen flickers");
        at(today.minusDays(3), 12, 10);
        answer(maria, a);
        at(today.minusDays(3), 13, 0);
        resolveTicket.resolve(a.number(), maria.id());
        at(today.minusDays(3), 14, 0);
        answer(maria, b);
        // two days ago: B resolved, a day after its resolution was due; both rated, 5 and 3
        at(today.minusDays(2), 12, 0);
        resolveTicket.resolve(b.number(), maria.id());
        rateTicket.rate(ann.id(), a.number(), 5, null);
        rateTicket.rate(bob.id(), b.number(), 3, null);
        // yesterday: C, never answered
        at(today.minusDays(1), 12, 0);
        open(customer("Cem"), "Keyboard missing keys");
        clock.reset();

        Document dashboard = dashboard();
        assertThat(dashboard.select("#backlog-chart rect")).hasSize(30);
        assertThat(dashboard.select("#backlog-chart rect title").eachText()).as("open at each day's end")
                .contains(today.minusDays(4) + ": 0", today.minusDays(3) + ": 1", today.minusDays(2) + ": 0",
                        today.minusDays(1) + ": 1", today + ": 1");
        assertThat(dashboard.select("#backlog-chart .axis text").eachText()).containsExactly("0", "1", "2");

        assertThat(dashboard.select("#waits-chart .bar text:not(.count)").eachText())
                .containsExactly("< 15 min", "15–60 min", "1–4 h", "4–24 h", "> 1 day", "waiting", "none");
        assertThat(dashboard.select("#waits-chart .count").eachText()).containsExactly("1", "0", "1", "0", "0", "1", "0");
        assertThat(dashboard.select("#waits-numbers tr").eachText()).contains("Within 15 minutes 1", "In 1 to 4 hours 1",
                "Not answered yet, still open 1");

        assertThat(dashboard.select("#ratings-chart .axis text").eachText()).containsExactly("1", "2", "3", "4", "5");
        assertThat(dashboard.select("#ratings-chart .week")).hasSize(12);
        assertThat(dashboard.select("#ratings-chart .dot title").eachText()).as("one week had ratings; the others are gaps")
                .singleElement().asString().endsWith(": 4.0 stars on average from 2 ratings");
        assertThat(dashboard.select("#ratings-chart .trend")).isEmpty();
        assertThat(dashboard.select("#ratings-chart .week .count").eachText()).filteredOn("2"::equals).hasSize(1);
        assertThat(dashboard.select("#ratings-chart .week .count").eachText()).filteredOn("0"::equals).hasSize(11);

        assertThat(dashboard.select("#breaches-chart rect")).as("two kinds a day").hasSize(60);
        assertThat(dashboard.select("#breaches-chart rect.resolution")).hasSize(30);
        assertThat(dashboard.select("#breaches-chart rect title").eachText()).contains(
                today.minusDays(3) + ": First answers late 1", today.minusDays(3) + ": Resolutions late 1",
                today.minusDays(2) + ": First answers late 0", today.minusDays(1) + ": First answers late 1",
                today.minusDays(1) + ": Resolutions late 1");
        assertThat(dashboard.select("#breaches-chart .axis text").eachText()).containsExactly("0", "1", "2");
        assertThat(dashboard.select("#per-day-chart rect title").eachText()).contains(today.minusDays(3) + ": 2", today.minusDays(1) + ": 1");
        assertThat(dashboard.select("figure svg[role=img][aria-label]")).hasSize(5);
    }

    private void at(LocalDate day, int hour, int minute) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), day.atTime(hour, minute).toInstant(ZoneOffset.UTC)));
    }

    private void answer(AgentView agent, Ticket ticket) {
        postAgentMessage.post(new PostAgentMessage.Command(agent.id(), ticket.number(), MessageContent.text("Let me look", Channel.TELEGRAM, null)));
    }

    private Document dashboard() throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin").with(user(panelUser(ADMIN)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
