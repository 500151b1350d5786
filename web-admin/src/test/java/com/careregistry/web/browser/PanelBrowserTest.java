package com.careregistry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.JoinRequestDesk;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.Ticket;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** The panel as people click through it, in real headless Chromium. */
class PanelBrowserTest extends BrowserTest {

    @Autowired
    AssignAgent assignAgent;
    @Autowired
    JoinRequestDesk joinRequests;

    @Test
    void adminAssignsAnAgentFromTheUnassignedQueueThroughTheConfirmDialog() throws Exception {
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, "Hi. My I Phone 14 pro max is not turning on.");
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        String number = ticket.number().toString();

        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/admin/unassigned"));
        assertThat(browser.find(By.id("unassigned")).getText()).contains(number).contains("My I Phone 14 pro max");

        browser.click(By.cssSelector("#ticket-" + ticket.number().value() + " button.assign"));
        browser.acceptConfirm("Do you really want to assign the agent for this ticket?");

        // the agent's name is set apart from the sentence by Unicode isolates (U+2068, U+2069), invisible
        browser.waitFor(driver -> browser.pageText().replaceAll("[\u2068\u2069]", "")
                .contains("Ticket " + number + " is assigned to Maria Agentson."));
        assertThat(browser.pageText()).doesNotContain("My I Phone 14 pro max").contains("There is nothing left to assign");

        browser.open(url("/admin/tickets/" + ticket.number().value()));
        assertThat(browser.find(By.id("ticket-agent")).getText()).isEqualTo("Maria Agentson");
        browser.screenshot(java.nio.file.Path.of("target/screenshots/admin-ticket.png"));
        browser.open(url("/admin"));
        browser.screenshot(java.nio.file.Path.of("target/screenshots/admin-dashboard.png"));
        browser.open(url("/admin/tickets/" + ticket.number().value()));
        assertThat(browser.find(By.id("ticket-status")).getText()).isEqualTo("Assigned");

        List<MimeMessage> toMaria = emailsTo(maria.email(), 2);
        assertThat(toMaria).anySatisfy(email -> {
            assertThat(email.getSubject()).contains(number);
            assertThat(body(email)).contains("Maria").contains(number);
        });
        assertThat(jdbc.queryForList("SELECT body FROM outbox_messages WHERE chat_id = 'chat-Ann'", String.class))
                .contains("Agent Maria is now handling your ticket " + number + ".");
    }

    @Test
    void anEmptyQueueSaysThereIsNothingLeftToAssign() {
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/admin/unassigned"));
        assertThat(browser.find(By.id("queue-empty")).getText()).isEqualTo("There is nothing left to assign");
    }

    @Test
    void adminSeesJoinRequestsAndAcceptsOne() throws Exception {
        joinRequests.request(new ChatUser(Channel.TELEGRAM, "tg-omar", "chat-omar", "Omar K", "en"), "Night shift");
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/admin/requests"));
        assertThat(browser.pageText()).contains("Omar K").contains("Night shift");

        browser.fill(By.cssSelector("form.accept-new input[name=email]"), "omar@example.com");
        browser.click(By.cssSelector("form.accept-new button.accept"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "The request is accepted"));
        assertThat(browser.pageText()).contains("No join requests wait.");
        assertThat(agents.agentBehind(Channel.TELEGRAM, "tg-omar")).isPresent();
        assertThat(emailsTo("omar@example.com", 1)).singleElement()
                .satisfies(email -> assertThat(body(email)).contains("/set-password?token="));
    }

    @Test
    void anAgentSeesOnlyTheirTicketsRepliesAndResolves() {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        AgentView omar = agentWithPassword("Omar", "omar-password-12");
        Customer ann = customer("Ann");
        Ticket marias = open(ann, "Printer jams");
        Ticket omars = open(ann, "Screen flickers");
        assignAgent.assign(marias.number(), maria.id());
        assignAgent.assign(omars.number(), omar.id());

        signIn(maria.email(), "maria-password-1");
        browser.open(url("/agent/tickets"));
        assertThat(browser.find(By.id("my-tickets")).getText()).contains("Printer jams").doesNotContain("Screen flickers");

        browser.click(By.linkText(marias.number().toString()));
        browser.fill(By.id("reply"), "Please take the paper out and try again.");
        browser.click(By.id("send-reply"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Your reply is on its way"));
        assertThat(jdbc.queryForList("SELECT body FROM outbox_messages WHERE chat_id = 'chat-Ann'", String.class))
                .contains(marias.number() + " · Maria:\nPlease take the paper out and try again.");

        browser.click(By.id("resolve"));
        browser.waitFor(ExpectedConditions.textToBe(By.id("ticket-status"), "Resolved"));

        browser.open(url("/agent/tickets/" + omars.number().value()));
        assertThat(browser.pageText()).contains("There is no such page.").doesNotContain("Screen flickers");
        browser.open(url("/admin"));
        assertThat(browser.pageText()).contains("You may not open this page.");
    }

    @Test
    void aDeactivatedAgentsNextClickLandsOnTheSignInPage() {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        Ticket marias = open(customer("Ann"), "Printer jams");
        assignAgent.assign(marias.number(), maria.id());
        signIn(maria.email(), "maria-password-1");
        browser.open(url("/agent/tickets"));
        assertThat(browser.find(By.id("my-tickets")).getText()).contains("Printer jams");

        agents.deactivate(maria.id());   // as the admin's Deactivate button does, from another session

        browser.click(By.linkText(marias.number().toString()));
        browser.waitFor(ExpectedConditions.urlContains("/login"));
        assertThat(browser.find(By.id("session-ended")).getText()).contains("You were signed out because your account changed");
        assertThat(browser.pageText()).doesNotContain("Printer jams");
        browser.open(url("/agent/tickets"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aSignOutLinkAsksAndSignsOut() {
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/logout"));
        assertThat(browser.pageText()).contains("Do you want to sign out of the panel?").doesNotContain("There is no such page");
        browser.click(By.id("confirm-logout"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "You are signed out."));
        browser.open(url("/admin"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
    }

    @Test
    void forgotPasswordFromTheEmailToANewPassword() throws Exception {
        browser.open(url("/login"));
        browser.click(By.linkText("Forgot your password?"));
        browser.fill(By.id("email"), ADMIN);
        browser.click(By.id("send-link"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "a link to set a new password"));

        String link = url("/reset-password?token=" + token(body(emailsTo(ADMIN, 1).get(0)), "/reset-password?token="));
        browser.open(link);
        browser.fill(By.id("password"), "a brand new password");
        browser.click(By.id("save-password"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Your password is set."));

        signIn(ADMIN, "a brand new password");
        assertThat(browser.pageText()).contains("Dashboard");
        browser.open(link);
        assertThat(browser.pageText()).contains("This link is no longer valid.");
    }

    @Test
    void twoStepSignInWithACodeComputedHere() throws Exception {
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/profile"));
        browser.click(By.id("totp-start"));
        String secret = browser.find(By.id("totp-secret")).getText();
        browser.fill(By.id("code"), code(secret, Instant.now()));
        browser.click(By.id("totp-confirm"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Two-step sign-in is on."));

        browser.driver().manage().deleteAllCookies();
        signIn(ADMIN, ADMIN_PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login/totp");
        browser.open(url("/admin"));
        assertThat(browser.pageText()).doesNotContain("Unassigned now");
        browser.open(url("/login/totp"));
        // a code is good once and the one that turned the app on is used up: the app's next code
        // (accepted, as clocks drift by a step) signs in
        browser.fill(By.id("code"), code(secret, Instant.now().plusSeconds(30)));
        browser.click(By.id("confirm-code"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Unassigned now"));
    }

    @Test
    void whatACustomerWroteIsShownAsTypedAndNeverRuns() {
        String typed = "<script>document.title='pwned';alert('pwned')</script> <b>help</b>";
        Ticket ticket = open(customer("Mallory"), typed);
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.open(url("/admin/tickets/" + ticket.number().value()));
        assertThat(browser.find(By.id("ticket-query")).getText()).isEqualTo(typed);
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        assertThat(ExpectedConditions.alertIsPresent().apply(browser.driver())).isNull();
    }

    private static String code(String secret, Instant at) throws Exception {
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
        return "%06d".formatted(totp.generateOneTimePassword(new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm()),
                at));
    }
}
