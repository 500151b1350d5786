package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Deactivating an agent, a new password, or turning on two-step sign-in ends every other session of
 * the account at its next request; the session that made the change goes on.
 */
class SessionEndingTest extends WebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aNewPasswordEndsTheOtherSessionsButNotTheOneThatChangedIt() throws Exception {
        Browser laptop = signedIn(ADMIN, ADMIN_PASSWORD);
        Browser phone = signedIn(ADMIN, ADMIN_PASSWORD);
        phone.perform(get("/admin")).andExpect(status().isOk());

        laptop.perform(post("/profile/password").param("current", ADMIN_PASSWORD).param("password", "a brand new password")
                .with(csrf())).andExpect(redirectedUrl("/profile"));

        String profile = laptop.perform(get("/profile")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("Your password is changed.");
        laptop.perform(get("/admin")).andExpect(status().isOk());
        phone.perform(get("/admin")).andExpect(redirectedUrl("/login?ended"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Integer.class, phone.sessionId()))
                .as("the ended session is gone").isZero();
    }

    @Test
    void turningOnTwoStepSignInEndsTheOtherSessionsButNotTheOneThatDidIt() throws Exception {
        Browser laptop = signedIn(ADMIN, ADMIN_PASSWORD);
        Browser phone = signedIn(ADMIN, ADMIN_PASSWORD);

        String page = laptop.perform(get("/profile/totp")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        phone.perform(get("/admin")).andExpect(status().isOk());   // starting to turn it on changes nothing yet
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        laptop.perform(post("/profile/totp").param("code", TotpCodes.now(secret.group(1))).with(csrf()))
                .andExpect(redirectedUrl("/profile"));

        laptop.perform(get("/admin")).andExpect(status().isOk());
        phone.perform(post("/admin/categories").param("name", "From the phone").with(csrf()))
                .andExpect(redirectedUrl("/login?ended"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM categories WHERE name = 'From the phone'", Integer.class)).isZero();
    }

    @Test
    void aDeactivatedAgentIsSignedOutAtTheirNextRequest() throws Exception {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        Browser marias = signedIn(maria.email(), "maria-password-1");
        marias.perform(get("/agent/tickets")).andExpect(status().isOk());

        Browser admins = signedIn(ADMIN, ADMIN_PASSWORD);
        admins.perform(post("/admin/agents/" + maria.id() + "/deactivate").with(csrf()))
                .andExpect(redirectedUrl("/admin/agents"));

        marias.perform(get("/agent/tickets")).andExpect(redirectedUrl("/login?ended"));
        admins.perform(get("/admin")).andExpect(status().isOk());
        mvc.perform(formLogin("/login").userParameter("email").user(maria.email()).password("maria-password-1"))
                .andExpect(redirectedUrl("/login?error"));
        String login = mvc.perform(get("/login").param("ended", "").header("Accept-Language", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("Sie wurden abgemeldet, weil sich Ihr Konto geändert hat");
    }

    private Browser signedIn(String email, String password) throws Exception {
        Browser browser = new Browser(mvc);
        browser.perform(post("/login").param("email", email).param("password", password).with(csrf())).andExpect(redirectedUrl("/"));
        return browser;
    }
}
