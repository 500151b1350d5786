package com.careregistry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.Ticket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The panel's lists and a ticket's timeline update as things happen, in Chromium, without a reload:
 * a ticket opened while the list is open appears within five seconds, and the page says quietly how
 * many are new; a message to an open ticket appears in its timeline.
 */
class LivePagesTest extends BrowserTest {

    static final Duration WITHIN = Duration.ofSeconds(5);


    @Test
    void aTicketOpenedWhileTheListIsOpenAppearsWithinFiveSeconds() {
        open(customer("Ann"), "Printer jams");
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/admin/tickets"));
        assertThat(browser.find(By.id("tickets")).getText()).contains("Printer jams").doesNotContain("Screen flickers");
        assertThat(browser.find(By.id("live-note")).isDisplayed()).isFalse();
        js().executeScript("window.stillTheSamePage = true");   // a reload would forget it

        Ticket flickers = open(customer("Bob"), "Screen flickers");
        browser.waitFor(WITHIN, driver -> driver.findElement(By.id("tickets")).getText().contains("Screen flickers"));
        assertThat(browser.find(By.id("live-note")).getText()).isEqualTo("1 new ticket");
        assertThat(browser.find(By.id("tickets")).getText()).contains(flickers.number().toString()).contains("Printer jams");

        open(customer("Cem"), "Mouse is dead");
        browser.waitFor(WITHIN, driver -> driver.findElement(By.id("live-note")).getText().equals("2 new tickets"));
        assertThat(js().executeScript("return window.stillTheSamePage === true")).as("updated in place, not reloaded").isEqualTo(true);
    }

    private org.openqa.selenium.JavascriptExecutor js() {
        return (org.openqa.selenium.JavascriptExecutor) browser.driver();
    }

    @Test
    void aMessageToAnOpenTicketAppearsInItsTimeline() {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, "Printer jams");
        assignAgent.assign(ticket.number(), maria.id());
        signIn(maria.email(), "maria-password-1");
        browser.open(url("/agent/tickets/" + ticket.number().value()));
        assertThat(browser.find(By.id("timeline")).getText()).doesNotContain("It blinks red now");

        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(),
                MessageContent.text("It blinks red now", Channel.TELEGRAM, "m-1")));
        browser.waitFor(WITHIN, driver -> driver.findElement(By.id("timeline")).getText().contains("It blinks red now"));
    }
}
