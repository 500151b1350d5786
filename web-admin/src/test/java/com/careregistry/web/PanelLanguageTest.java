package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.text.Texts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The panel speaks the browser's language when there is a bundle for it, pages and messages alike; else English. */
class PanelLanguageTest extends WebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Texts texts;

    @Test
    void aGermanBrowserGetsTheGermanPanel() throws Exception {
        String page = mvc.perform(get("/login").header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("lang=\"de\"").contains(texts.get("de", "web.login.forgot"))
                .doesNotContain(texts.get("en", "web.login.forgot"));

        mvc.perform(post("/forgot-password").param("email", "nobody@example.com").header("Accept-Language", "de").with(csrf()))
                .andExpect(flash().attribute("info", texts.get("de", "web.forgot.sent")));
    }

    @Test
    void emailsAreWrittenInTheLanguageOfWhoReadsThem() throws Exception {
        mvc.perform(post("/admin/agents").param("firstName", "Lucia").param("email", "lucia@example.com").param("language", "es")
                .param("categoryIds", String.valueOf(categories.active().get(0).id()))
                .with(user(panelUser(ADMIN))).with(csrf())).andExpect(status().isFound());
        assertThat(agents.all()).filteredOn(a -> a.email().equals("lucia@example.com")).singleElement()
                .satisfies(a -> assertThat(a.language()).isEqualTo("es"));
        assertThat(jdbc.queryForObject("SELECT subject FROM outbox_messages WHERE email_to = 'lucia@example.com'", String.class))
                .isEqualTo(texts.get("es", "email.invite.subject"));

        // a password reset asked from a German browser is written in German
        mvc.perform(post("/forgot-password").param("email", ADMIN).header("Accept-Language", "de").with(csrf()));
        assertThat(jdbc.queryForObject("SELECT subject FROM outbox_messages WHERE email_to = ? ORDER BY id DESC LIMIT 1",
                String.class, ADMIN)).isEqualTo(texts.get("de", "email.reset.subject"));
    }

    @Test
    void aLanguageWithoutABundleOrNoneAtAllGetsEnglish() throws Exception {
        for (String accept : new String[] {"fr-FR,fr;q=0.9", null}) {
            var request = get("/login");
            if (accept != null) {
                request.header("Accept-Language", accept);
            }
            String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as("Accept-Language %s", accept).contains("lang=\"en\"").contains(texts.get("en", "web.login.forgot"));
        }
    }
}
