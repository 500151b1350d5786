package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.Ticket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An admin keeps canned answers in the panel; an agent sends one from a ticket's page, filled in. */
class CannedAnswersPageTest extends WebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anAdminSavesAnAnswerAndAnAgentSendsItFromTheTicketsPage() throws Exception {
        mvc.perform(post("/admin/canned").param("name", "shipping").param("body", "Hi {customer}, {ticket} ships today. {agent}")
                .with(user(panelUser(ADMIN))).with(csrf())).andExpect(redirectedUrl("/admin/canned"));
        String list = mvc.perform(get("/admin/canned").with(user(panelUser(ADMIN)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("<code>shipping</code>").contains("Hi {customer}, {ticket} ships today. {agent}")
                .contains("{customer}, {ticket} and {agent} are filled in.");

        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        Customer ann = customer("Ann");
        Ticket ticket = open(ann, "Where is my parcel?");
        long number = ticket.number().value();
        String page = mvc.perform(get("/agent/tickets/" + number).with(user(panelUser(maria.email()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"send-canned\"").contains("<option value=\"shipping\">shipping</option>");

        mvc.perform(post("/agent/tickets/" + number + "/canned").param("name", "shipping")
                .with(user(panelUser(maria.email()))).with(csrf())).andExpect(redirectedUrl("/agent/tickets/" + number));
        assertThat(jdbc.queryForList("SELECT body FROM ticket_messages WHERE author_type = 'AGENT'", String.class))
                .containsExactly("Hi Ann, " + ticket.number() + " ships today. Maria");
    }
}
