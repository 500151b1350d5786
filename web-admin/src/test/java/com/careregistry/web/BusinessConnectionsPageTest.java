package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.business.BusinessConnections;
import com.careregistry.core.business.BusinessConnections.Connection;
import com.careregistry.core.common.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The delivery page lists the business accounts connected to the bot (Telegram Business) and says
 * plainly when one cannot carry answers (disabled, or without the right to reply); a desk with none
 * sees no such section.
 */
class BusinessConnectionsPageTest extends WebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BusinessConnections connections;

    @Test
    void theConnectionsAreListedWithWhetherTheyCanAnswer() throws Exception {
        assertThat(page()).doesNotContain("Telegram Business connections");

        Instant since = Instant.parse("2026-11-20T09:30:00Z");
        connections.connected(new Connection(Channel.TELEGRAM, "bc-acme", "7001", "Acme Shop", true, true, since, since));
        connections.connected(new Connection(Channel.TELEGRAM, "bc-north", "7002", "North Store", true, false, since, since));
        connections.connected(new Connection(Channel.TELEGRAM, "bc-old", "7003", "Old Outlet", false, true, since, since));

        String page = page();
        assertThat(page).contains("Telegram Business connections").contains("Acme Shop").contains("Answering as the company")
                .contains("North Store").contains("No right to reply: answers to its customers are not sent")
                .contains("Old Outlet").contains("Disabled: answers to its customers are not sent");
    }

    private String page() throws Exception {
        return mvc.perform(get("/admin/delivery").with(user(panelUser(ADMIN)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
