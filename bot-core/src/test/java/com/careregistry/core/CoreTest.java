package com.careregistry.core;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.OutboxMessage;
import com.careregistry.core.outbox.OutboxMessages;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.OpenTicket;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.testsupport.MutableClock;
import com.careregistry.testsupport.RecordingSender;
import com.careregistry.testsupport.ScriptedInboxHandler;
import com.careregistry.testsupport.TestDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the core's tests: the whole core against the real MariaDB, emptied before each test. */
@SpringBootTest(classes = CoreTestApplication.class)
public abstract class CoreTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "ccr_core_test");
    }

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected RecordingSender telegramSender;
    @Autowired
    protected RecordingSender discordSender;
    @Autowired
    protected CustomerDirectory customers;
    @Autowired
    protected ManageAgents manageAgents;
    @Autowired
    protected ManageCategories categories;
    @Autowired
    protected OpenTicket openTicket;
    @Autowired
    protected OutboxMessages outboxRows;
    @Autowired
    protected Texts texts;
    @Autowired
    protected ScriptedInboxHandler telegramInbox;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.wipe(jdbc);
        clock.reset();
        telegramSender.reset();
        discordSender.reset();
        telegramInbox.reset();
    }

    protected Customer customer(String name) {
        return customers.register(new ChatUser(Channel.TELEGRAM, "tg-" + name, "chat-" + name, name, "en"));
    }

    protected AgentView agent(String firstName) {
        Long general = categories.active().get(0).id();
        return manageAgents.create(new CreateAgentCommand(firstName, "Agentson", firstName.toLowerCase() + "@example.com",
                "en", Set.of(general)));
    }

    protected Ticket open(Customer customer, String description) {
        return openTicket.open(new OpenTicketCommand(customer.id(), null, description, Channel.TELEGRAM));
    }

    protected String en(String key, Object... args) {
        return texts.get("en", key, args);
    }

    protected List<OutboxMessage> outbox() {
        return outboxRows.findAll().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    protected List<String> outboxBodiesTo(String chatId) {
        return outbox().stream()
                .filter(row -> row.chat().map(chat -> chat.chatId().equals(chatId)).orElse(false))
                .map(OutboxMessage::body).toList();
    }

    /** One of MariaDB's counters over all connections (nothing else runs while a core test runs: its workers are off). */
    protected long serverCount(String counter) {
        return jdbc.queryForObject("SHOW GLOBAL STATUS LIKE '" + counter + "'", (rs, n) -> rs.getLong(2));
    }

    /** One of MariaDB's counters on this transaction's connection (a SHOW counts as none of the statements). */
    protected long sessionCount(String counter) {
        return jdbc.queryForObject("SHOW SESSION STATUS LIKE '" + counter + "'", (rs, n) -> rs.getLong(2));
    }
}
