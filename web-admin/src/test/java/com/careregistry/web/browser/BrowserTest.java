package com.careregistry.web.browser;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.article.ArticleCommand;
import com.careregistry.core.article.ManageArticles;
import com.careregistry.core.canned.ManageCannedAnswers;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.web.WebTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that click through the panel in real headless Chromium: one browser for the
 * class, each test starting signed out.
 */
abstract class BrowserTest extends WebTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    AssignAgent assignAgent;
    @Autowired
    PostCustomerMessage postCustomerMessage;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    ManageCannedAnswers canned;
    @Autowired
    ManageArticles articles;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void signedOut() {
        browser.open(url("/login"));
        browser.driver().manage().deleteAllCookies();
    }

    /** Signs in through the sign-in page, as a person would, and waits until they are let in. */
    void signIn(String email, String password) {
        browser.open(url("/login"));
        browser.fill(By.id("email"), email);
        browser.fill(By.id("password"), password);
        browser.click(By.id("sign-in"));
        browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login?")));
        browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login$")));
    }

    /**
     * A desk with something on every page of the panel, and those pages: an agent (Maria) with a ticket
     * whose subject holds a very long word, a message each way, a canned answer and an article.
     */
    record EveryPage(AgentView agent, String agentPassword, List<String> adminPages, List<String> agentPages) {
    }

    EveryPage everyPage() {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, "My Wi-Fi router blinks red since the storm last night, and a very long word: "
                + "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller");
        assignAgent.assign(ticket.number(), maria.id());
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(),
                MessageContent.text("It still blinks", Channel.TELEGRAM, "m-1")));
        postAgentMessage.post(new PostAgentMessage.Command(maria.id(), ticket.number(),
                MessageContent.text("Unplug it for a minute", Channel.WEB, null)));
        canned.save("refund", "Hello {customer}, your refund is on its way.");
        long article = articles.add(ArticleCommand.typed(null, "Resetting the router", "Hold the reset button for ten seconds.",
                "router, reset")).id();
        long number = ticket.number().value();
        return new EveryPage(maria, "maria-password-1",
                List.of("/admin", "/admin/tickets", "/admin/tickets?q=router", "/admin/unassigned", "/admin/agents", "/admin/requests",
                        "/admin/categories", "/admin/canned", "/admin/articles", "/admin/satisfaction", "/admin/delivery",
                        "/admin/articles/" + article, "/admin/tickets/" + number, "/admin/tickets/" + number + "/transcript", "/profile",
                        "/profile/totp"),
                List.of("/agent/tickets", "/agent/tickets/" + number, "/agent/satisfaction", "/agent/canned", "/profile", "/profile/totp"));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
