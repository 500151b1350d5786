package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.JoinRequestDesk;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.UserText;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.web.security.PanelUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Text customers and agents typed may carry direction marks (U+202E, the right-to-left override,
 * makes "Mallory\u202Eexe.pdf" read "Mallory" and a reversed tail) and zero-width characters. Every
 * page of the panel that shows such text sets it apart: the element holding it has
 * {@code dir="auto"} or is a {@code <bdi>}, or, inside one of our sentences, it is wrapped in
 * Unicode isolates (U+2068 … U+2069), so it cannot reorder what surrounds it. Labels (names, subjects,
 * file names) have also lost their direction marks on the way in (UserText); messages keep theirs.
 */
class CustomerTextIsolationTest extends WebTest {

    static final String RLO = "\u202E";
    static final String CUSTOMER = "Mallory" + RLO + "gnp.exe";
    static final String SUBJECT = "Re\u200Bfund\u200D " + RLO + "now please";
    static final String MESSAGE = "See the file " + RLO + "attached";
    static final String FILE = "invoice" + RLO + "fdp.exe";
    static final String AGENT_FIRST = "Ev" + RLO + "il";
    static final String REQUESTER = "Omar" + RLO + "K";
    static final String NOTE = "Night" + RLO + "shift";
    // labels (names, subjects, file names) are cleaned as they come in (UserText): what the panel shows of
    // them has no direction marks left, and is still set apart (a right-to-left name needs it)
    static final String CUSTOMER_SHOWN = UserText.label(CUSTOMER) + " דנה";
    static final String SUBJECT_SHOWN = UserText.label(SUBJECT);
    static final String FILE_SHOWN = UserText.label(FILE);
    static final String REQUESTER_SHOWN = UserText.label(REQUESTER);

    @Autowired
    MockMvc mvc;
    @Autowired
    AssignAgent assignAgent;
    @Autowired
    PostCustomerMessage postCustomerMessage;
    @Autowired
    JoinRequestDesk joinRequests;

    @Test
    void everyPageAndNoticeSetsTypedTextApartFromItsSurroundings() throws Exception {
        Customer mallory = customers.register(new ChatUser(Channel.TELEGRAM, "tg-mallory", "chat-mallory", CUSTOMER + " \u05D3\u05E0\u05D4", "en"));
        Ticket assigned = openTicket.open(new OpenTicketCommand(mallory.id(), null, SUBJECT + "\nThe rest", List.of(),
                Channel.TELEGRAM, "chat-mallory:1"));
        Ticket waiting = openTicket.open(new OpenTicketCommand(mallory.id(), null, SUBJECT, List.of(), Channel.TELEGRAM,
                "chat-mallory:2"));
        postCustomerMessage.post(new PostCustomerMessage.Command(mallory.id(), assigned.number(), new MessageContent(MESSAGE,
                List.of(new Attachment(Attachment.DOCUMENT, "file-1", FILE)), Channel.TELEGRAM, "chat-mallory:3")));
        AgentView evil = agents.create(new CreateAgentCommand(AGENT_FIRST, "Agentson", "evil@example.com", "en",
                Set.of(categories.active().get(0).id())));
        assignAgent.assign(assigned.number(), evil.id());
        joinRequests.request(new ChatUser(Channel.TELEGRAM, "tg-omar", "chat-omar", REQUESTER, "en"), NOTE);
        PanelUser admin = panelUser(ADMIN);
        PanelUser agent = panelUser("evil@example.com");

        List<String> checked = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        checked.addAll(isolated(pages, page("/admin/tickets", admin), CUSTOMER_SHOWN, SUBJECT_SHOWN, AGENT_FIRST));
        checked.addAll(isolated(pages, page("/admin/unassigned", admin), CUSTOMER_SHOWN, SUBJECT_SHOWN, AGENT_FIRST));
        checked.addAll(isolated(pages, page("/admin/tickets/" + assigned.number().value(), admin), CUSTOMER_SHOWN, SUBJECT_SHOWN,
                SUBJECT, MESSAGE, FILE_SHOWN, AGENT_FIRST));
        checked.addAll(isolated(pages, page("/admin/tickets/" + waiting.number().value(), admin), CUSTOMER_SHOWN, SUBJECT_SHOWN,
                SUBJECT, AGENT_FIRST));
        checked.addAll(isolated(pages, page("/agent/tickets", agent), SUBJECT_SHOWN));
        checked.addAll(isolated(pages, page("/agent/tickets/" + assigned.number().value(), agent), CUSTOMER_SHOWN, SUBJECT_SHOWN,
                SUBJECT, MESSAGE, FILE_SHOWN, AGENT_FIRST));
        checked.addAll(isolated(pages, page("/admin/agents", admin), AGENT_FIRST));
        checked.addAll(isolated(pages, page("/admin/requests", admin), REQUESTER_SHOWN, NOTE, AGENT_FIRST));
        checked.addAll(isolated(pages, page("/admin", admin), CUSTOMER_SHOWN, SUBJECT_SHOWN, AGENT_FIRST));
        mvc.perform(post("/admin/tickets/" + waiting.number().value() + "/assign").param("agentId", String.valueOf(evil.id()))
                        .with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("info", "Ticket " + waiting.number() + " is assigned to \u2068" + AGENT_FIRST
                        + " Agentson\u2069."));
        assertThat(checked).as("the texts were found where expected").contains(
                "/admin/tickets " + CUSTOMER_SHOWN, "/admin/tickets " + SUBJECT_SHOWN, "/admin/unassigned " + SUBJECT_SHOWN,
                "/admin/tickets/" + assigned.number().value() + " " + FILE_SHOWN,
                "/admin/tickets/" + assigned.number().value() + " " + MESSAGE,
                "/admin/tickets/" + assigned.number().value() + " " + SUBJECT,
                "/agent/tickets " + SUBJECT_SHOWN, "/admin/agents " + AGENT_FIRST, "/admin/requests " + REQUESTER_SHOWN,
                "/admin/requests " + NOTE);
        // the labels as typed, with their direction marks, are shown nowhere
        for (Page page : pages) {
            assertThat(page.html()).as(page.path()).doesNotContain(CUSTOMER).doesNotContain(FILE).doesNotContain(REQUESTER);
        }
    }

    @Test
    void theCheckFindsTextThatIsNotSetApart() {
        assertThat(isolationProblems("x", "<td>" + CUSTOMER + "</td>", CUSTOMER)).hasSize(1);
        assertThat(isolationProblems("x", "<td dir=\"auto\">" + CUSTOMER + "</td>", CUSTOMER)).isEmpty();
        assertThat(isolationProblems("x", "<p>Attachment: " + CUSTOMER + "</p>", CUSTOMER)).hasSize(1);
        assertThat(isolationProblems("x", "<p>Attachment: \u2068" + CUSTOMER + "\u2069</p>", CUSTOMER)).isEmpty();
        assertThat(isolationProblems("x", "<p>Assigned to \u2068" + CUSTOMER + " Smith\u2069</p>", CUSTOMER)).isEmpty();
        assertThat(isolationProblems("x", "<p>\u2068x\u2069 " + CUSTOMER + "</p>", CUSTOMER)).hasSize(1);
        assertThat(isolationProblems("x", "<p>\u2068" + CUSTOMER + "</p><p>\u2069</p>", CUSTOMER)).hasSize(1);
    }

    private Page page(String path, PanelUser as) throws Exception {
        return new Page(path, mvc.perform(get(path).with(user(as))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private record Page(String path, String html) {
    }

    /** Checks each typed text wherever the page shows it; returns "path text" for each text found. */
    private static List<String> isolated(List<Page> pages, Page page, String... typed) {
        pages.add(page);
        List<String> found = new ArrayList<>();
        for (String text : typed) {
            assertThat(isolationProblems(page.path(), page.html(), text)).isEmpty();
            if (page.html().contains(text)) {
                found.add(page.path() + " " + text);
            }
        }
        return found;
    }

    /**
     * Each place the text is shown as content (not inside a tag's attribute) must start an element
     * with dir="auto" or a bdi, or be wrapped in U+2068 … U+2069.
     */
    static List<String> isolationProblems(String path, String html, String text) {
        List<String> problems = new ArrayList<>();
        for (int at = html.indexOf(text); at >= 0; at = html.indexOf(text, at + 1)) {
            int tagStart = html.lastIndexOf('<', at);
            int tagEnd = html.lastIndexOf('>', at);
            if (tagStart > tagEnd) {
                continue;   // inside a tag: an attribute's value
            }
            // inside an isolate (U+2068 … U+2069) opened before it in the same text and closed after it: a
            // name set apart as a whole ("Assigned to ⁨Ann Smith⁩") sets apart each part of it too
            int opened = html.lastIndexOf('\u2068', at);
            int closedBefore = html.lastIndexOf('\u2069', at);
            int closedAfter = html.indexOf('\u2069', at + text.length());
            int nextTag = html.indexOf('<', at + text.length());
            boolean wrapped = opened > tagEnd && opened > closedBefore && closedAfter >= 0 && (nextTag < 0 || closedAfter < nextTag);
            String openingTag = html.substring(tagStart, tagEnd + 1);
            boolean startsIsolatedElement = tagEnd == at - 1 && !openingTag.startsWith("</")
                    && (openingTag.startsWith("<bdi") || openingTag.contains("dir=\"auto\""));
            if (!wrapped && !startsIsolatedElement) {
                problems.add(path + ": " + html.substring(Math.max(0, tagStart - 60), Math.min(html.length(), at + text.length() + 20)));
            }
        }
        return problems;
    }
}
