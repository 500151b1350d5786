package com.careregistry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.CloseTicket;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.RateTicket;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.Ticket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard after five weeks of a small desk, in Chromium at 1280 and 390 px: every chart is
 * drawn, none wider than the page or than 44rem, and the whole page is pictured
 * (target/screenshots/dashboard-charts-WIDTH.png; docs/screenshots has a copy of a run's).
 */
class DashboardChartsBrowserTest extends BrowserTest {

    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    ResolveTicket resolveTicket;
    @Autowired
    CloseTicket closeTicket;
    @Autowired
    RateTicket rateTicket;

    @Test
    void everyChartIsDrawnWithinThePageAtBothWidths() {
        categories.promise(categories.active().get(0).id(), "1h", "24h");
        AgentView maria = agents.create(new CreateAgentCommand("Maria", "Agentson", "maria@example.com", "en",
                Set.of(categories.active().get(0).id())));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // a pattern that repeats: how many tickets a day, how long the first answer takes, when it is resolved, the stars
        int[] perDay = {2, 3, 1, 4, 2, 0, 1};
        long[] waitMinutes = {5, 40, 150, 10, 600, 25, 2000};
        int[] stars = {5, 4, 3, 5, 2, 4, 5};
        int n = 0;
        for (int back = 35; back >= 1; back--) {
            for (int t = 0; t < perDay[back % perDay.length]; t++, n++) {
                at(today.minusDays(back).atTime(9 + t * 2, 0));
                Customer customer = customer("Customer" + n);
                Ticket ticket = open(customer, "Question " + n);
                if (back <= 2 && t == 0) {
                    continue;   // not answered yet
                }
                clock.advance(Duration.ofMinutes(waitMinutes[n % waitMinutes.length]));
                postAgentMessage.post(new PostAgentMessage.Command(maria.id(), ticket.number(), MessageContent.text("On it", Channel.WEB, null)));
                if (n % 4 == 3) {
                    continue;   // still being worked on
                }
                clock.advance(Duration.ofHours(3 + n % 5 * 12));
                resolveTicket.resolve(ticket.number(), maria.id());
                if (n % 3 != 0) {
                    rateTicket.rate(customer.id(), ticket.number(), stars[n % stars.length], null);
                }
            }
        }
        clock.reset();

        signIn(ADMIN, ADMIN_PASSWORD);
        for (int width : new int[] {1280, 390}) {
            browser.viewport(width, width > 600 ? 2450 : 3100);
            browser.open(url("/admin"));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            long page = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
                    .as("no sideways scroll at " + width).isLessThanOrEqualTo(page);
            List<WebElement> charts = browser.driver().findElements(By.cssSelector("figure svg.chart"));
            assertThat(charts).as("all five charts drawn").hasSize(5);
            double rem = ((Number) js.executeScript("return parseFloat(getComputedStyle(document.documentElement).fontSize)")).doubleValue();
            for (WebElement chart : charts) {
                assertThat(chart.getRect().getWidth()).as(chart.getAttribute("id") + " at " + width)
                        .isLessThanOrEqualTo((int) Math.ceil(44 * rem)).isLessThanOrEqualTo((int) page);
                assertThat(chart.getAttribute("aria-label")).isNotBlank();
            }
            browser.screenshot(java.nio.file.Path.of("target/screenshots/dashboard-charts-" + width + ".png"));
        }
    }

    private void at(java.time.LocalDateTime moment) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), moment.toInstant(ZoneOffset.UTC)));
    }
}
