package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.careregistry.core.agent.AgentView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An admin sets one agent's limit of open tickets; an agent marks themselves away and back in the panel. */
class AgentPresencePageTest extends WebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theAdminSetsALimitAndTheAgentGoesAwayAndComesBack() throws Exception {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        mvc.perform(post("/admin/agents/" + maria.id() + "/limit").param("limit", "3").with(user(panelUser(ADMIN))).with(csrf()))
                .andExpect(redirectedUrl("/admin/agents"));
        assertThat(agents.get(maria.id()).openLimit()).isEqualTo(3);
        assertThat(page("/admin/agents", ADMIN)).contains("value=\"3\"");
        mvc.perform(post("/admin/agents/" + maria.id() + "/limit").param("limit", "0").header("Referer", "http://localhost/admin/agents")
                        .with(user(panelUser(ADMIN))).with(csrf()))
                .andExpect(redirectedUrl("/admin/agents"));   // refused: back to the page with the reason
        assertThat(agents.get(maria.id()).openLimit()).isEqualTo(3);

        mvc.perform(post("/agent/away").param("away", "true").with(user(panelUser(maria.email()))).with(csrf()))
                .andExpect(redirectedUrl("/agent/tickets"));
        assertThat(agents.get(maria.id()).away()).isTrue();
        assertThat(page("/agent/tickets", maria.email())).contains("You are away").contains("I&#39;m back");
        assertThat(page("/admin/agents", ADMIN)).contains(">away<");

        mvc.perform(post("/agent/away").param("away", "false").with(user(panelUser(maria.email()))).with(csrf()));
        assertThat(agents.get(maria.id()).away()).isFalse();
        assertThat(page("/agent/tickets", maria.email())).doesNotContain("You are away").contains("I&#39;m away");
    }

    private String page(String path, String email) throws Exception {
        return mvc.perform(get(path).with(user(panelUser(email)))).andReturn().getResponse().getContentAsString();
    }
}
