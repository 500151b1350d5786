package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.web.security.PanelUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Who may open what, throttled sign-in, CSRF, and that errors are friendly pages. */
class AccessRulesTest extends WebTest {

    static final String[] ADMIN_PAGES = {"/admin", "/admin/tickets", "/admin/unassigned", "/admin/agents", "/admin/requests",
            "/admin/categories", "/admin/delivery"};

    @Autowired
    MockMvc mvc;
    @Autowired
    AssignAgent assignAgent;

    @Test
    void anonymousPeopleAreSentToSignIn() throws Exception {
        for (String page : ADMIN_PAGES) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/agent/tickets")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">")));
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentTypeCompatibleWith("image/svg+xml"));
        mvc.perform(get("/actuator/health")).andExpect(status().is(org.hamcrest.Matchers.not(302)));
    }

    @Test
    void adminsOpenEveryAdminPage() throws Exception {
        PanelUser admin = panelUser(ADMIN);
        for (String page : ADMIN_PAGES) {
            mvc.perform(get(page).with(user(admin))).andExpect(status().isOk());
        }
    }

    @Test
    void anAgentGets403OnAdminPagesAnd404OnAnotherAgentsTicketAsOnAMissingOne() throws Exception {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        AgentView omar = agentWithPassword("Omar", "omar-password-12");
        Customer ann = customer("Ann");
        Ticket marias = open(ann, "Maria's ticket");
        Ticket omars = open(ann, "Omar's ticket");
        assignAgent.assign(marias.number(), maria.id());
        assignAgent.assign(omars.number(), omar.id());
        PanelUser asMaria = panelUser(maria.email());

        for (String page : ADMIN_PAGES) {
            mvc.perform(get(page).with(user(asMaria))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/tickets/" + marias.number().value() + "/assign").param("agentId", String.valueOf(maria.id()))
                .with(user(asMaria)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/agent/tickets/" + marias.number().value()).with(user(asMaria))).andExpect(status().isOk());
        String othersTicket = mvc.perform(get("/agent/tickets/" + omars.number().value()).with(user(asMaria)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String missingTicket = mvc.perform(get("/agent/tickets/987654321").with(user(asMaria)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(withoutCsrfToken(othersTicket)).as("another agent's ticket looks like one that does not exist")
                .isEqualTo(withoutCsrfToken(missingTicket)).contains("There is no such page.").doesNotContain("Omar's ticket");
        mvc.perform(post("/agent/tickets/" + omars.number().value() + "/reply").param("text", "hijack")
                .with(user(asMaria)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/agent/tickets/" + omars.number().value() + "/resolve")
                .with(user(asMaria)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/agent/tickets/987654321/reply").param("text", "hijack")
                .with(user(asMaria)).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_messages", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM tickets WHERE number = ?", String.class, omars.number().value()))
                .isEqualTo("ASSIGNED");
    }

    /** A page with its (per-response, masked) CSRF token taken out, to compare two pages. */
    static String withoutCsrfToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/categories").param("name", "Billing").with(user(panelUser(ADMIN))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM categories", Integer.class)).isEqualTo(1);
        mvc.perform(post("/admin/categories").param("name", "Billing").with(user(panelUser(ADMIN))).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM categories", Integer.class)).isEqualTo(2);
    }

    @Test
    void signInWorksAndFailuresThrottleTheEmailWithoutSayingWhetherItExists() throws Exception {
        mvc.perform(formLogin("/login").userParameter("email").user(ADMIN).password(ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").userParameter("email").user("nobody@example.com").password("whatever-long"))
                .andExpect(redirectedUrl("/login?error"));
        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(formLogin("/login").userParameter("email").user(ADMIN).password("wrong password"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").userParameter("email").user(ADMIN).password(ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM sign_in_throttles WHERE throttle_key LIKE 'e:%'", Integer.class))
                .as("counted for the email, not on the account").isEqualTo(6);
        assertThat(jdbc.queryForList("SELECT throttle_key FROM sign_in_throttles", String.class))
                .as("neither the email nor the address is stored").noneMatch(key -> key.contains("example") || key.contains("127.0"));
    }

    @Test
    void errorsAreFriendlyPagesWithoutAStackTrace() throws Exception {
        String missing = mvc.perform(get("/admin/tickets/987654321").with(user(panelUser(ADMIN))))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("There is no such page.").doesNotContain("Exception").doesNotContain("at com.");
        mvc.perform(get("/admin/tickets").param("status", "NOT_A_STATUS").with(user(panelUser(ADMIN))))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Content-Security-Policy",
                org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }
}
