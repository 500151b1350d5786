package com.careregistry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.Ticket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A ticket's page shows its conversation as a timeline, in Chromium: the customer's messages on the
 * left, staff's on the right, what happened to the ticket between them; no "Edited" line where
 * nothing was edited.
 */
class TicketTimelinePageTest extends BrowserTest {

    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    ResolveTicket resolveTicket;

    @Test
    void theConversationReadsAsATimelineWithSidesAndEvents() {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, "Printer jams");
        clock.advance(Duration.ofMinutes(1));
        assignAgent.assign(ticket.number(), maria.id());
        clock.advance(Duration.ofMinutes(1));
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(),
                MessageContent.text("It blinks red", Channel.TELEGRAM, "m-1")));
        clock.advance(Duration.ofMinutes(1));
        postAgentMessage.post(new PostAgentMessage.Command(maria.id(), ticket.number(),
                MessageContent.text("Unplug it for a minute", Channel.WEB, null)));
        clock.advance(Duration.ofMinutes(1));
        resolveTicket.resolve(ticket.number(), maria.id());

        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/admin/tickets/" + ticket.number().value()));
        List<WebElement> items = browser.driver().findElements(By.cssSelector("#timeline > li"));
        assertThat(items).extracting(item -> item.getAttribute("class")).containsExactly("event", "event", "message customer",
                "message agent", "event");
        assertThat(items.get(0).getText()).startsWith("Opened");
        // an agent's name is set apart from the sentence by Unicode isolates (U+2068, U+2069), invisible
        assertThat(items.get(1).getText().replaceAll("[\u2068\u2069]", "")).startsWith("Assigned to Maria Agentson");
        assertThat(items.get(2).getText()).contains("Ann").contains("It blinks red");
        assertThat(items.get(3).getText()).contains("Maria Agentson").contains("Unplug it for a minute");
        assertThat(items.get(4).getText().replaceAll("[\u2068\u2069]", "")).startsWith("Resolved by Maria Agentson");

        WebElement timeline = browser.find(By.id("timeline"));
        WebElement customer = items.get(2);
        WebElement agent = items.get(3);
        int left = timeline.getRect().getX();
        int right = left + timeline.getRect().getWidth();
        assertThat(customer.getRect().getX()).as("the customer's message on the left").isEqualTo(left);
        assertThat(agent.getRect().getX() + agent.getRect().getWidth()).as("staff's on the right").isEqualTo(right);
        assertThat(agent.getRect().getX()).isGreaterThan(left);
        assertThat(browser.pageText()).as("nothing was edited").doesNotContain("Edited");
        browser.screenshot(java.nio.file.Path.of("target/screenshots/ticket-timeline.png"));
    }

    @Test
    void aWordThatIsOnlyInAMessageFindsItsTicketWithTheWordMarked() {
        Customer ann = customer("Ann");
        Ticket order = open(ann, "Where is my order?");
        open(customer("Bob"), "Printer jams");
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), order.number(),
                MessageContent.text("The courier says the parcel was left next door", Channel.TELEGRAM, "m-1")));

        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/admin/tickets"));
        browser.fill(By.name("q"), "parcel");
        browser.click(By.cssSelector("form.filters button[type=submit]"));
        browser.waitFor(driver -> driver.getCurrentUrl().contains("q=parcel"));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#tickets tr"));
        assertThat(rows).hasSize(2);   // the header and Ann's ticket
        assertThat(rows.get(1).getText()).contains(order.number().toString()).contains("Where is my order?")
                .contains("The courier says the parcel was left next door");
        assertThat(rows.get(1).findElement(By.tagName("mark")).getText()).isEqualTo("parcel");
    }
}
