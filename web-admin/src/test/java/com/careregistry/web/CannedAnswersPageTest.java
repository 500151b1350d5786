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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

    @Test
    void anAgentKeepsAnswersOfTheirOwnThatOnlyTheySeeAndSend() throws Exception {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        AgentView omar = agentWithPassword("Omar", "omar-password-12");
        mvc.perform(post("/admin/canned").param("name", "shipping").param("body", "The desk's text")
                .with(user(panelUser(ADMIN))).with(csrf())).andExpect(redirectedUrl("/admin/canned"));
        mvc.perform(post("/agent/canned").param("name", "shipping").param("body", "Maria's own: {ticket} ships today, {customer}.")
                .with(user(panelUser(maria.email()))).with(csrf())).andExpect(redirectedUrl("/agent/canned"));
        mvc.perform(post("/agent/canned").param("name", "Two Words").param("body", "x").header("Referer", "http://localhost/agent/canned")
                .with(user(panelUser(maria.email()))).with(csrf())).andExpect(redirectedUrl("/agent/canned"));

        Document own = page("/agent/canned", maria.email());
        assertThat(own.select("h1").text()).isEqualTo("My canned answers");
        assertThat(own.select("#canned code").eachText()).containsExactly("shipping");
        assertThat(own.select("#canned .canned-body").text()).startsWith("Maria's own");
        assertThat(page("/agent/canned", omar.email()).select("#canned-empty")).as("Maria's are not Omar's").hasSize(1);
        assertThat(page("/admin/canned", ADMIN).select("#canned .canned-body").eachText()).as("the desk's page").containsExactly("The desk's text");

        Ticket ticket = open(customer("Ann"), "Where is my parcel?");
        long number = ticket.number().value();
        mvc.perform(post("/agent/tickets/" + number + "/canned").param("name", "shipping")
                .with(user(panelUser(maria.email()))).with(csrf())).andExpect(redirectedUrl("/agent/tickets/" + number));
        assertThat(jdbc.queryForList("SELECT body FROM ticket_messages WHERE author_type = 'AGENT'", String.class))
                .as("her own, where the desk has one of the same name").containsExactly("Maria's own: " + ticket.number() + " ships today, Ann.");

        long marias = jdbc.queryForObject("SELECT id FROM canned_answers WHERE agent_id IS NOT NULL", Long.class);
        mvc.perform(post("/agent/canned/" + marias + "/delete").with(user(panelUser(omar.email()))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/agent/canned/" + marias + "/delete").with(user(panelUser(maria.email()))).with(csrf()))
                .andExpect(redirectedUrl("/agent/canned"));
        assertThat(page("/agent/canned", maria.email()).select("#canned-empty")).hasSize(1);
    }

    private Document page(String path, String email) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(panelUser(email)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
