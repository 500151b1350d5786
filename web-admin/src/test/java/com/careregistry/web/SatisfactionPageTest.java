package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.RateTicket;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.Ticket;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The satisfaction report in the panel: the desk's for admins, with a chart of twelve weeks; an agent's own for them. */
class SatisfactionPageTest extends WebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    ResolveTicket resolveTicket;
    @Autowired
    RateTicket rateTicket;

    @Test
    void adminsSeeTheDeskAndAnAgentTheirOwn() throws Exception {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        AgentView omar = agentWithPassword("Omar", "omar-password-12");
        rated(customer("Ann"), maria, 5, "Quick & kind");
        rated(customer("Bob"), omar, 2, null);

        Document desk = page("/admin/satisfaction", ADMIN);
        assertThat(desk.select("#satisfaction-summary").text()).isEqualTo("Last 12 weeks: 2 ratings, 3.5 stars on average.");
        assertThat(desk.select("#satisfaction-chart rect")).hasSize(12);
        assertThat(desk.select("#satisfaction-chart text")).hasSizeGreaterThan(12);   // the axis' stars and each week's date
        assertThat(desk.select("#by-agent tr").eachText()).contains("Maria Agentson 1 5.0", "Omar Agentson 1 2.0");
        assertThat(desk.select(".message .body").eachText()).containsExactly("Quick & kind");

        Document own = page("/agent/satisfaction", maria.email());
        assertThat(own.select("h1").text()).isEqualTo("My ratings");
        assertThat(own.select("#satisfaction-summary").text()).isEqualTo("Last 12 weeks: 1 rating, 5.0 stars on average.");
        assertThat(own.select("#by-agent")).isEmpty();
    }

    private Document page(String path, String email) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(panelUser(email)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private void rated(Customer customer, AgentView agent, int stars, String comment) {
        Ticket ticket = open(customer, "Help with something");
        postAgentMessage.post(new PostAgentMessage.Command(agent.id(), ticket.number(), MessageContent.text("Done", Channel.TELEGRAM, null)));
        resolveTicket.resolve(ticket.number(), agent.id());
        rateTicket.rate(customer.id(), ticket.number(), stars, comment);
    }
}
