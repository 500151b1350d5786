package com.careregistry.web;

import static org.awaitility.Awaitility.await;

import com.careregistry.WebTestApplication;
import com.careregistry.core.account.Passwords;
import com.careregistry.core.account.StaffAccounts;
import com.careregistry.core.account.TwoStepSignIn;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.ticket.OpenTicket;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.testsupport.ShiftedClock;
import com.careregistry.testsupport.TestDatabase;
import com.careregistry.testsupport.TestPorts;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the panel's tests: the core and the panel on a real server, against the real MariaDB,
 * with a real SMTP server (GreenMail) receiving what the outbox sends.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class WebTest {

    public static final String ADMIN = "admin@example.com";
    public static final String ADMIN_PASSWORD = "admin-password-123";
    protected static final GreenMail SMTP = new GreenMail(new ServerSetup(TestPorts.port(3026), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_web_test");
        registry.add("spring.mail.port", () -> TestPorts.port(3026));
    }

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected StaffAccounts accounts;
    @Autowired
    protected Passwords passwords;
    @Autowired
    protected TwoStepSignIn twoStep;
    @Autowired
    protected ManageAgents agents;
    @Autowired
    protected ManageCategories categories;
    @Autowired
    protected CustomerDirectory customers;
    @Autowired
    protected OpenTicket openTicket;
    @Autowired
    protected ShiftedClock clock;

    @BeforeEach
    void cleanSlate() throws Exception {
        // let the email dispatcher finish what an earlier test left (for up to five seconds), then start from nothing
        try {
            await().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5)).until(() -> pendingEmails() == 0);
        } catch (ConditionTimeoutException stillPending) {
            // what is left is wiped below
        }
        clock.reset();
        TestDatabase.wipe(jdbc);
        accounts.createAdmin(ADMIN, ADMIN_PASSWORD);
        SMTP.purgeEmailFromAllMailboxes();
    }

    private int pendingEmails() {
        Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE status = 'PENDING' AND channel = 'EMAIL'",
                Integer.class);
        return pending == null ? 0 : pending;
    }

    /** The signed-in principal of this account, as the panel's security makes it. */
    protected com.careregistry.web.security.PanelUser panelUser(String email) {
        return com.careregistry.web.security.PanelUser.of(accounts.forLogin(email).orElseThrow());
    }

    protected Customer customer(String name) {
        return customers.register(new ChatUser(Channel.TELEGRAM, "tg-" + name, "chat-" + name, name, "en"));
    }

    protected Ticket open(Customer customer, String description) {
        return openTicket.open(new OpenTicketCommand(customer.id(), null, description, Channel.TELEGRAM));
    }

    /** An agent who has set their password through the invitation. */
    protected AgentView agentWithPassword(String firstName, String password) {
        AgentView agent = agents.create(new CreateAgentCommand(firstName, "Agentson", firstName.toLowerCase() + "@example.com", "en",
                Set.of(categories.active().get(0).id())));
        String invitation = jdbc.queryForObject("SELECT body FROM outbox_messages WHERE email_to = ? ORDER BY id DESC LIMIT 1",
                String.class, agent.email());
        passwords.setPasswordWithToken(token(invitation, "/set-password?token="), password);
        return agent;
    }

    protected static String token(String text, String path) {
        Matcher link = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]+)").matcher(text);
        if (!link.find()) {
            throw new AssertionError("no link " + path + " in " + text);
        }
        return link.group(1);
    }

    /** Emails GreenMail received for an address, waiting a while for them. */
    protected static List<MimeMessage> emailsTo(String address, int atLeast) throws Exception {
        Callable<List<MimeMessage>> received = () -> Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        try {
            return await().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(15)).until(received, found -> found.size() >= atLeast);
        } catch (ConditionTimeoutException notAllCame) {
            return received.call();   // the caller's assertion says what is missing
        }
    }

    protected static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }
}
