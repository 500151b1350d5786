package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import com.careregistry.WebTestApplication;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.EditAgentMessage;
import com.careregistry.core.ticket.EditCustomerMessage;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.Ticket;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A ticket's page shows what the customer (or the agent) wrote now, and what they wrote before editing
 * it; beside each of our answers whether it reached the customer; a message's pictures small and its
 * other files as links.
 */
class TicketPageTest extends WebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PostCustomerMessage postCustomerMessage;
    @Autowired
    EditCustomerMessage editCustomerMessage;
    @Autowired
    AssignAgent assignAgent;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    EditAgentMessage editAgentMessage;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void eachOfOurAnswersSaysWhetherItReachedTheCustomer() throws Exception {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, "My order is late");
        assignAgent.assign(ticket.number(), maria.id());
        for (String answer : List.of("It left the depot today", "Tracking: 1Z999", "Anything else?")) {
            postAgentMessage.post(new PostAgentMessage.Command(maria.id(), ticket.number(), MessageContent.text(answer, Channel.WEB, null)));
        }
        // the rows that carry the three answers to Ann's chat, in order; other rows about the ticket carry none
        List<Long> rows = jdbc.queryForList("SELECT id FROM outbox_messages WHERE ticket_id = ? AND ticket_message_id IS NOT NULL ORDER BY id",
                Long.class, ticket.id());
        assertThat(rows).hasSize(3);
        assertThat(jdbc.queryForList("SELECT chat_id FROM outbox_messages WHERE ticket_message_id IS NOT NULL", String.class))
                .containsOnly("chat-Ann");
        // as the Telegram sender would leave them (the panel's tests run no chat sender): the first sent, the second given up
        transactions.executeWithoutResult(status -> {
            jdbc.update("UPDATE outbox_messages SET status = 'SENT', sent_at = ? WHERE id = ?", java.sql.Timestamp.from(clock.instant()),
                    rows.get(0));
            jdbc.update("UPDATE outbox_messages SET status = 'DEAD', attempts = 8, last_error = ? WHERE id = ?",
                    "Forbidden: bot was blocked by the user\nat line 2", rows.get(1));
        });
        long number = ticket.number().value();

        Document admin = Jsoup.parse(mvc.perform(get("/admin/tickets/" + number).with(user(panelUser(ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Elements answers = admin.select("#timeline li.message.agent");
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).select(".delivery").text()).isEqualTo("Delivered");
        assertThat(answers.get(0).select(".delivery-sent").attr("title")).startsWith("Delivered at ");
        assertThat(answers.get(1).select(".delivery").text())
                .isEqualTo("Failed: Forbidden: bot was blocked by the user Retry on the delivery page");
        assertThat(answers.get(1).select(".delivery a").attr("href")).isEqualTo("/admin/delivery#delivery-" + rows.get(1));
        assertThat(answers.get(2).select(".delivery").text()).isEqualTo("Sending…");
        assertThat(admin.select("li.message.customer .delivery")).as("the customer's messages have no delivery of ours").isEmpty();
        Document delivery = Jsoup.parse(mvc.perform(get("/admin/delivery").with(user(panelUser(ADMIN))))
                .andReturn().getResponse().getContentAsString());
        assertThat(delivery.select("#delivery-" + rows.get(1) + " button").text()).as("the link leads to the row's Retry").isEqualTo("Retry");

        Document agent = Jsoup.parse(mvc.perform(get("/agent/tickets/" + number).with(user(panelUser(maria.email()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Elements hers = agent.select("#timeline li.message.agent .delivery");
        assertThat(hers).extracting(Element::text).containsExactly("Delivered", "Failed: Forbidden: bot was blocked by the user",
                "Sending…");
        assertThat(hers.select("a")).as("an agent cannot retry; the admin's delivery page is not theirs").isEmpty();
    }

    @Test
    void picturesShowSmallAndLinkToThemselvesOtherFilesAreLinksReadThroughThePlatform() throws Exception {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        AgentView omar = agentWithPassword("Omar", "omar-password-12");
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, "The invoice is wrong");
        Ticket other = open(customer("Bob"), "Hello");
        assignAgent.assign(ticket.number(), maria.id());
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(), new MessageContent("Here it is",
                List.of(new Attachment(Attachment.PHOTO, WebTestApplication.TEST_PHOTO, null),
                        new Attachment(Attachment.DOCUMENT, WebTestApplication.TEST_DOCUMENT, "invoice.pdf"),
                        new Attachment(Attachment.VOICE, "test-file:gone", null)), Channel.TELEGRAM, "m-1")));
        long number = ticket.number().value();
        long messageId = jdbc.queryForObject("SELECT MAX(id) FROM ticket_messages WHERE ticket_id = ?", Long.class, ticket.id());
        String files = "/admin/tickets/" + number + "/files/" + messageId + "/";

        Document page = Jsoup.parse(mvc.perform(get("/admin/tickets/" + number).with(user(panelUser(ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Element picture = page.selectFirst("#timeline li.message.customer .files a.thumb img");
        assertThat(picture).isNotNull();
        assertThat(picture.attr("src")).isEqualTo(files + "0");
        assertThat(picture.attr("loading")).isEqualTo("lazy");
        assertThat(picture.attr("alt").replaceAll("[\u2068\u2069]", "")).isEqualTo("Picture sent with the message: Photo");
        assertThat(picture.parent().attr("href")).as("the small picture opens the whole one").isEqualTo(files + "0");
        assertThat(page.select("#timeline .files a.file")).extracting(a -> a.text().replaceAll("[\u2068\u2069]", ""), a -> a.attr("href"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Document: invoice.pdf", files + "1"),
                        org.assertj.core.groups.Tuple.tuple("Voice message: Voice message", files + "2"));

        MockHttpServletResponse image = mvc.perform(get(files + "0").with(user(panelUser(ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(image.getContentType()).isEqualTo("image/png");
        assertThat(image.getContentAsByteArray()).isEqualTo(WebTestApplication.PNG);
        MockHttpServletResponse document = mvc.perform(get(files + "1").with(user(panelUser(ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(document.getContentType()).as("never shown in the page: downloaded").isEqualTo("application/octet-stream");
        assertThat(document.getHeader("Content-Disposition")).startsWith("attachment").contains("invoice.pdf");
        assertThat(document.getHeader("Content-Security-Policy")).contains("sandbox");
        mvc.perform(get(files + "2").with(user(panelUser(ADMIN)))).andExpect(status().isNotFound());   // the platform lost it
        mvc.perform(get(files + "3").with(user(panelUser(ADMIN)))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/tickets/" + other.number().value() + "/files/" + messageId + "/0").with(user(panelUser(ADMIN))))
                .andExpect(status().isNotFound());   // another ticket's message

        String agentFile = "/agent/tickets/" + number + "/files/" + messageId + "/0";
        mvc.perform(get(agentFile).with(user(panelUser(maria.email())))).andExpect(status().isOk());
        mvc.perform(get(agentFile).with(user(panelUser(omar.email())))).andExpect(status().isNotFound());   // not Omar's ticket
    }

    @Test
    void editedTextsShowTheirEarlierVersions() throws Exception {
        Customer ann = customer("Ann");
        Ticket ticket = openTicket.open(new OpenTicketCommand(ann.id(), null, "My odrer is late", List.of(), Channel.TELEGRAM,
                "chat-Ann:1"));
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(),
                MessageContent.text("It is number 1234", Channel.TELEGRAM, "chat-Ann:2")));
        editCustomerMessage.edit(ann.id(), Channel.TELEGRAM, "chat-Ann:1", "My order is late");
        editCustomerMessage.edit(ann.id(), Channel.TELEGRAM, "chat-Ann:2", "It is number 1243");

        String page = mvc.perform(get("/admin/tickets/" + ticket.number().value()).with(user(panelUser(ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("My order is late").contains("It is number 1243")
                .contains("id=\"ticket-query-earlier\"").contains("My odrer is late").contains("It is number 1234")
                .contains("Edited: earlier versions");
        assertThat(page.indexOf("It is number 1234")).as("the earlier text follows the current one")
                .isGreaterThan(page.indexOf("It is number 1243"));
    }

    @Test
    void anAgentsEditedAnswerShowsBothVersions() throws Exception {
        Customer ann = customer("Ann");
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        Ticket ticket = openTicket.open(new OpenTicketCommand(ann.id(), null, "My order is late", List.of(), Channel.TELEGRAM,
                "chat-Ann:1"));
        postAgentMessage.post(new PostAgentMessage.Command(maria.id(), ticket.number(),
                MessageContent.text("It ships on Monday", Channel.TELEGRAM, "staff-group:77")));
        editAgentMessage.edit(maria.id(), Channel.TELEGRAM, "staff-group:77", "It ships on Tuesday");

        String page = mvc.perform(get("/admin/tickets/" + ticket.number().value()).with(user(panelUser(ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("It ships on Tuesday").contains("Edited: earlier versions").contains("It ships on Monday");
        assertThat(page.indexOf("It ships on Monday")).as("the earlier text follows the current one")
                .isGreaterThan(page.indexOf("It ships on Tuesday"));
    }

    @Test
    void theTranscriptIsAPrintablePageOfTheWholeConversationForWhoMaySeeTheTicket() throws Exception {
        Customer ann = customer("Ann");
        Ticket ticket = openTicket.open(new OpenTicketCommand(ann.id(), null, "My order is late", List.of(), Channel.TELEGRAM,
                "chat-Ann:1"));
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(),
                MessageContent.text("It is number 1243", Channel.TELEGRAM, "chat-Ann:2")));
        long number = ticket.number().value();

        String page = mvc.perform(get("/admin/tickets/" + number).with(user(panelUser(ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/admin/tickets/" + number + "/transcript\"").contains("Printable transcript");
        String transcript = mvc.perform(get("/admin/tickets/" + number + "/transcript").with(user(panelUser(ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(transcript).contains("Transcript of ticket " + ticket.number() + " · My order is late")
                .containsPattern("\\] Ann: My order is late\n").containsPattern("\\] Ann: It is number 1243");

        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        AgentView omar = agentWithPassword("Omar", "omar-password-12");
        assignAgent.assign(ticket.number(), omar.id());
        mvc.perform(get("/agent/tickets/" + number + "/transcript").with(user(panelUser(maria.email()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/agent/tickets/" + number + "/transcript").with(user(panelUser(omar.email()))))
                .andExpect(status().isOk());
    }
}
