package com.careregistry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.sla.SlaWatch;
import com.careregistry.core.text.Times;
import com.careregistry.core.ticket.Ticket;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Service levels in the panel, in real headless Chromium, on a clock the test moves: the admin sets
 * a category's targets; a ticket past its first-answer target is counted on the dashboard, sorts
 * first by due with how long it is overdue, and the admins get an email at the breach; the agent's
 * own list sorts by due too.
 */
class ServiceLevelPagesTest extends BrowserTest {

    @Autowired
    SlaWatch watch;

    @Test
    void aTicketPastItsFirstAnswerTargetIsABreachOnTheDashboardAndFirstByDue() throws Exception {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/admin/categories"));
        browser.fill(By.cssSelector("form.targets input[name=firstResponse]"), "30m");
        browser.fill(By.cssSelector("form.targets input[name=resolution]"), "8h");
        browser.click(By.cssSelector("form.targets button"));
        browser.waitFor(driver -> browser.pageText().replaceAll("[\u2068\u2069]", "").contains("Targets of General saved."));
        assertThat(browser.find(By.cssSelector("form.targets input[name=firstResponse]")).getAttribute("value")).isEqualTo("30m");

        Ticket late = open(customer("Ann"), "Printer jams");
        Instant lateOpened = late.timeline().openedAt();
        clock.advance(Duration.ofMinutes(10));
        Ticket soon = open(customer("Bob"), "Screen flickers");
        Ticket untargeted = openWithoutTargets();
        assignAgent.assign(late.number(), maria.id());
        assignAgent.assign(soon.number(), maria.id());
        clock.advance(Duration.ofMinutes(25));   // Ann's is 5 minutes past its due time, Bob's is due in 5
        assertThat(watch.check()).as("Ann's breach, Bob's reminder").isEqualTo(2);

        browser.open(url("/admin"));
        assertThat(browser.find(By.id("sla-first-response-late")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("sla-resolution-late")).getText()).isEqualTo("0");
        assertThat(browser.find(By.id("sla-overdue")).getText()).isEqualTo("1");

        browser.click(By.linkText("Overdue now"));
        browser.waitFor(ExpectedConditions.urlContains("due=OVERDUE"));
        assertThat(rows("tickets")).hasSize(1).first().asString().contains(late.number().toString()).contains("5 min overdue");

        browser.open(url("/admin/tickets?sort=DUE"));
        assertThat(rows("tickets")).as("by due: the overdue one first; one with no target is not listed").hasSize(2);
        assertThat(rows("tickets").get(0)).contains(late.number().toString()).contains("5 min overdue");
        assertThat(rows("tickets").get(1)).contains(soon.number().toString()).contains("in 5 min");
        browser.open(url("/admin/tickets/" + late.number().value()));
        assertThat(browser.find(By.id("ticket-first-response-due")).getText()).isEqualTo(Times.minute(lateOpened.plus(Duration.ofMinutes(30))));
        assertThat(browser.find(By.id("ticket-resolution-due")).getText()).isEqualTo(Times.minute(lateOpened.plus(Duration.ofHours(8))));
        assertThat(browser.find(By.cssSelector("td.due.overdue")).getText()).isEqualTo("5 min overdue");

        browser.open(url("/admin/tickets?sort=DUE"));
        WebElement overdue = browser.find(By.cssSelector("#tickets td.due.overdue"));
        assertThat(overdue.getCssValue("color")).as("overdue stands out in red").isEqualTo("rgba(207, 34, 46, 1)");
        browser.screenshot(java.nio.file.Path.of("target/screenshots/tickets-by-due.png"));

        List<MimeMessage> toAdmin = emailsTo(ADMIN, 1);
        assertThat(toAdmin).anySatisfy(email -> {
            assertThat(email.getSubject()).isEqualTo(late.number() + " missed its first-answer target: Printer jams");
            assertThat(body(email)).contains("was due a first answer at");
        });

        browser.open(url("/logout"));
        browser.driver().manage().deleteAllCookies();
        signIn(maria.email(), "maria-password-1");
        browser.open(url("/agent/tickets?sort=DUE"));
        assertThat(rows("my-tickets")).hasSize(2);
        assertThat(rows("my-tickets").get(0)).contains(late.number().toString()).contains("5 min overdue");
        browser.open(url("/agent/tickets?due=HOUR"));
        assertThat(rows("my-tickets")).as("both are due within the hour").hasSize(2);
        assertThat(untargeted.number()).isNotNull();
    }

    /** A ticket in a category that promises nothing. */
    private Ticket openWithoutTargets() {
        Long other = categories.create("Other").id();
        return openTicket.open(new com.careregistry.core.ticket.OpenTicketCommand(customer("Cem").id(), other, "No hurry",
                com.careregistry.core.common.Channel.TELEGRAM));
    }

    /** The table's rows as their text, without the header. */
    private List<String> rows(String table) {
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#" + table + " tr"));
        return rows.stream().skip(1).map(WebElement::getText).toList();
    }

}
