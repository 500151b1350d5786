package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A ticket's page shows what the customer (or the agent) wrote now, and what they wrote before editing it. */
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
