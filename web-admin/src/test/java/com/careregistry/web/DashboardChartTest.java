package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard's chart of tickets opened per day has an axis and dates, and says so when there is nothing to draw. */
class DashboardChartTest extends WebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void withNoTicketsTheChartSaysSoInsteadOfBlankSpace() throws Exception {
        Document dashboard = dashboard();
        assertThat(dashboard.select("#per-day-none").text()).isEqualTo("No tickets were opened in the last 30 days.");
        assertThat(dashboard.select("#per-day-chart")).isEmpty();
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

    private Document dashboard() throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin").with(user(panelUser(ADMIN)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
