package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.common.Channel;
import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.testsupport.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Incoming events set aside after their last try: counted on the dashboard, listed with Retry and Discard. */
class FailedEventsPageTest extends WebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Inbox inbox;

    private long failedEvent(String updateId, String chat, String payload) {
        inbox.append(new InboundEvent(Channel.TELEGRAM, updateId, "TELEGRAM:" + chat, payload));
        TestDatabase.update(jdbc, "UPDATE inbox_events SET status = 'FAILED', attempts = 3, last_error = ? WHERE external_event_id = ?",
                "IllegalStateException: the database refused this customer's message", updateId);
        return jdbc.queryForObject("SELECT id FROM inbox_events WHERE external_event_id = ?", Long.class, updateId);
    }

    private String eventStatus(long id) {
        return jdbc.queryForObject("SELECT status FROM inbox_events WHERE id = ?", String.class, id);
    }

    @Test
    void failedEventsAreCountedListedAndCanBeRetriedOrDiscarded() throws Exception {
        long first = failedEvent("5001", "777", "{\"update_id\":5001,\"message\":{\"text\":\"<b>hello</b>\"}}");
        long second = failedEvent("5002", "778", "{\"update_id\":5002}");
        inbox.append(new InboundEvent(Channel.TELEGRAM, "5003", "TELEGRAM:779", "{\"update_id\":5003}"));

        String dashboard = mvc.perform(get("/admin").with(user(panelUser(ADMIN)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("1 incoming message waiting to be processed, 2 could not be processed");

        String page = mvc.perform(get("/admin/delivery").with(user(panelUser(ADMIN)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Incoming messages we could not process").contains("id=\"failed-events\"")
                .contains("Telegram</span> <bdi>777</bdi>").contains("Telegram</span> <bdi>778</bdi>")
                .contains("IllegalStateException: the database refused this customer&#39;s message")
                .contains("&lt;b&gt;hello&lt;/b&gt;").doesNotContain("<b>hello</b>")
                .contains("/admin/delivery/events/" + first + "/retry").contains("/admin/delivery/events/" + second + "/discard");

        mvc.perform(post("/admin/delivery/events/" + first + "/retry").with(user(panelUser(ADMIN))).with(csrf()))
                .andExpect(redirectedUrl("/admin/delivery")).andExpect(flash().attribute("info", "The message will be processed again."));
        assertThat(eventStatus(first)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT attempts FROM inbox_events WHERE id = ?", Integer.class, first)).isZero();

        mvc.perform(post("/admin/delivery/events/" + second + "/discard").with(user(panelUser(ADMIN))).with(csrf()))
                .andExpect(redirectedUrl("/admin/delivery")).andExpect(flash().attribute("info", "The message was discarded."));
        assertThat(eventStatus(second)).isEqualTo("DISCARDED");
        assertThat(inbox.failed(10)).isEmpty();

        // a second press (another tab) finds nothing left to retry: a polite 404, nothing changes
        mvc.perform(post("/admin/delivery/events/" + second + "/retry").with(user(panelUser(ADMIN))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(eventStatus(second)).isEqualTo("DISCARDED");
        assertThat(List.of(eventStatus(first), eventStatus(second))).containsExactly("PENDING", "DISCARDED");
    }

    @Test
    void withoutACsrfTokenNothingIsRetried() throws Exception {
        long event = failedEvent("6001", "901", "{}");
        mvc.perform(post("/admin/delivery/events/" + event + "/retry").with(user(panelUser(ADMIN)))).andExpect(status().isForbidden());
        assertThat(eventStatus(event)).isEqualTo("FAILED");
    }
}
