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
import org.springframework.mock.web.MockHttpSession;
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
        MockHttpSession laptop = signedIn(ADMIN, ADMIN_PASSWORD);
        MockHttpSession phone = signedIn(ADMIN, ADMIN_PASSWORD);
        mvc.perform(get("/admin").session(phone)).andExpect(status().isOk());

        mvc.perform(post("/profile/password").param("current", ADMIN_PASSWORD).param("password", "a brand new password")
                .session(laptop).with(csrf())).andExpect(redirectedUrl("/profile"));

        String profile = mvc.perform(get("/profile").session(laptop)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("Your password is changed.");
        mvc.perform(get("/admin").session(laptop)).andExpect(status().isOk());
        mvc.perform(get("/admin").session(phone)).andExpect(redirectedUrl("/login?ended"));
        assertThat(phone.isInvalid()).isTrue();
    }

    @Test
    void turningOnTwoStepSignInEndsTheOtherSessionsButNotTheOneThatDidIt() throws Exception {
        MockHttpSession laptop = signedIn(ADMIN, ADMIN_PASSWORD);
        MockHttpSession phone = signedIn(ADMIN, ADMIN_PASSWORD);

        String page = mvc.perform(get("/profile/totp").session(laptop)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/admin").session(phone)).andExpect(status().isOk());   // starting to turn it on changes nothing yet
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        mvc.perform(post("/profile/totp").param("code", TotpCodes.now(secret.group(1))).session(laptop).with(csrf()))
                .andExpect(redirectedUrl("/profile"));

        mvc.perform(get("/admin").session(laptop)).andExpect(status().isOk());
        mvc.perform(post("/admin/categories").param("name", "From the phone").session(phone).with(csrf()))
                .andExpect(redirectedUrl("/login?ended"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM categories WHERE name = 'From the phone'", Integer.class)).isZero();
    }

    @Test
    void aDeactivatedAgentIsSignedOutAtTheirNextRequest() throws Exception {
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        MockHttpSession marias = signedIn(maria.email(), "maria-password-1");
        mvc.perform(get("/agent/tickets").session(marias)).andExpect(status().isOk());

        MockHttpSession admins = signedIn(ADMIN, ADMIN_PASSWORD);
        mvc.perform(post("/admin/agents/" + maria.id() + "/deactivate").session(admins).with(csrf()))
                .andExpect(redirectedUrl("/admin/agents"));

        mvc.perform(get("/agent/tickets").session(marias)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/admin").session(admins)).andExpect(status().isOk());
        mvc.perform(formLogin("/login").userParameter("email").user(maria.email()).password("maria-password-1"))
                .andExpect(redirectedUrl("/login?error"));
        String login = mvc.perform(get("/login").param("ended", "").header("Accept-Language", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("Sie wurden abgemeldet, weil sich Ihr Konto geändert hat");
    }

    private MockHttpSession signedIn(String email, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").userParameter("email").user(email).password(password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }
}
