package com.careregistry.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.account.Role;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.canned.ManageCannedAnswers;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.notification.Transcripts;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketBrowser;
import com.careregistry.core.ticket.TicketQueries;
import com.careregistry.core.ticket.TicketStatus;
import com.careregistry.web.PanelSlice;
import com.careregistry.web.security.PanelUser;
import com.careregistry.web.tickets.TicketPages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A2, A3 as the agent desk's controller alone sees them: a reply the core refuses is not lost (the
 * box holds it again), and another agent's ticket is a page that is not there.
 */
@WebMvcTest(AgentDeskController.class)
@Import({PanelSlice.class, TicketPages.class})
class AgentDeskControllerTest {

    static final PanelUser MARIA = new PanelUser(10L, "maria@example.com", Role.AGENT, 5L, true, 0);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TicketQueries queries;
    @MockitoBean
    ManageAgents agents;
    @MockitoBean
    Outbox outbox;
    @MockitoBean
    PostAgentMessage postMessage;
    @MockitoBean
    ResolveTicket resolveTicket;
    @MockitoBean
    Transcripts transcripts;
    @MockitoBean
    ManageCannedAnswers cannedAnswers;
    @MockitoBean
    TicketBrowser browser;
    @MockitoBean
    com.careregistry.core.sla.Deadlines deadlines;
    @MockitoBean
    com.careregistry.core.ticket.TicketHistory history;
    @MockitoBean
    com.careregistry.core.files.AttachmentFiles files;

    @BeforeEach
    void aTicket() {
        when(queries.earlierTexts(any())).thenReturn(new TicketQueries.EarlierTexts(List.of(), Map.of()));
    }

    @Test
    void aRefusedReplyComesBackInTheReplyBox() throws Exception {
        ticket(1042, 5L, TicketStatus.RESOLVED);
        doThrow(new DomainException("ticket.closed", "#1042")).when(postMessage).post(any());

        MvcResult refused = mvc.perform(post("/agent/tickets/1042/reply").with(user(MARIA)).with(csrf())
                        .header("Referer", "http://localhost/agent/tickets/1042").param("text", "Your refund is on its way."))
                .andExpect(redirectedUrl("/agent/tickets/1042")).andReturn();

        String page = mvc.perform(get("/agent/tickets/1042").with(user(MARIA)).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("textarea[name=text]").text()).isEqualTo("Your refund is on its way.");
        assertThat(Jsoup.parse(page).select("[aria-invalid]")).as("a closed ticket is no fault of the text").isEmpty();
    }

    @Test
    void aReplyTooLongMarksTheReplyBoxAndKeepsItsText() throws Exception {
        ticket(1044, 5L, TicketStatus.ASSIGNED);
        doThrow(new DomainException("message.too-long", 4000)).when(postMessage).post(any());

        MvcResult refused = mvc.perform(post("/agent/tickets/1044/reply").with(user(MARIA)).with(csrf())
                        .header("Referer", "http://localhost/agent/tickets/1044").param("text", "Long story."))
                .andExpect(redirectedUrl("/agent/tickets/1044")).andReturn();

        org.jsoup.nodes.Document page = Jsoup.parse(mvc.perform(get("/agent/tickets/1044").with(user(MARIA)).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        org.jsoup.nodes.Element reply = page.selectFirst("textarea[name=text]");
        assertThat(reply.text()).isEqualTo("Long story.");
        assertThat(reply.attr("aria-invalid")).isEqualTo("true");
        assertThat(reply.attr("aria-describedby")).isEqualTo("refused-field-error");
        assertThat(reply.hasAttr("autofocus")).isTrue();
        assertThat(page.select("#refused-field-error").text()).isEqualTo(page.select(".error .reason").text()).isNotBlank();
        assertThat(page.select("label[for=reply] + #refused-field-error + textarea#reply")).as("between the label and the box").hasSize(1);
    }

    @Test
    void anotherAgentsTicketIsNotThereAndTakesNoReply() throws Exception {
        ticket(1043, 6L, TicketStatus.ASSIGNED);
        mvc.perform(get("/agent/tickets/1043").with(user(MARIA))).andExpect(status().isNotFound());
        mvc.perform(post("/agent/tickets/1043/reply").with(user(MARIA)).with(csrf()).param("text", "Hello"))
                .andExpect(status().isNotFound());
        verify(postMessage, never()).post(any());
    }

    private void ticket(long number, Long agentId, TicketStatus status) {
        when(queries.detailsForStaff(new TicketNumber(number))).thenReturn(new TicketDetails(number * 10, new TicketNumber(number),
                "Refund", "Refund please", status, "Billing", "Maria", Instant.parse("2026-12-01T10:00:00Z"), null, List.of(), 1L,
                agentId, 7L, "Ann", Channel.TELEGRAM, null));
    }
}
