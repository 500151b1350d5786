package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sign-in through the panel's form: how long answers take for emails that exist and emails that do
 * not, and that a stranger's wrong passwords never keep the owner out (the reset link works and
 * lifts the throttle).
 */
class SignInThrottlingTest extends WebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aKnownAnUnknownAndADeactivatedEmailTakeTheSameTimeAlsoOnceSlowedDown() throws Exception {
        AgentView gone = agentWithPassword("Gone", "gone-password-12");
        agents.deactivate(gone.id());
        signIn("warm-up@example.com", "wrong password", "10.9.0.1");   // the first request pays for class loading

        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        List<Long> deactivated = new ArrayList<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            known.add(timed(ADMIN, "10.1.0.1"));
            unknown.add(timed("nobody@example.com", "10.2.0.1"));
            deactivated.add(timed(gone.email(), "10.3.0.1"));
        }

        System.out.printf("sign-in times (ms): known %s, unknown %s, deactivated %s%n", known, unknown, deactivated);
        assertThat(known.get(2)).as("the slow-down kicked in: " + known).isGreaterThan(900);
        assertThat(known.get(4)).as("and grew: " + known).isGreaterThan(2900);
        for (List<Long> other : List.of(unknown, deactivated)) {
            assertThat(Math.abs(median(known) - median(other))).as(known + " against " + other).isLessThan(100);
            assertThat(Math.abs(median(known.subList(2, 6)) - median(other.subList(2, 6))))
                    .as("once slowed: " + known + " against " + other).isLessThan(100);
            List<Long> differences = new ArrayList<>();
            for (int attempt = 0; attempt < known.size(); attempt++) {
                differences.add(Math.abs(known.get(attempt) - other.get(attempt)));
            }
            assertThat(median(differences)).as("attempt by attempt: " + known + " against " + other).isLessThan(100);
        }
    }

    @Test
    void aStrangersWrongPasswordsThrottleTheEmailButTheResetLinkWorksAndLiftsIt() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(ADMIN, "guessed password " + attempt, "203.0.113.9").andExpect(redirectedUrl("/login?error"));
        }
        signIn(ADMIN, ADMIN_PASSWORD, "192.0.2.20").andExpect(redirectedUrl("/login?error"));

        mvc.perform(post("/forgot-password").param("email", ADMIN).with(csrf()).with(from("192.0.2.20")))
                .andExpect(redirectedUrl("/forgot-password"));
        String token = token(body(emailsTo(ADMIN, 1).get(0)), "/reset-password?token=");
        String form = mvc.perform(get("/reset-password").param("token", token).with(from("192.0.2.20")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"save-password\"").doesNotContain("This link is no longer valid.");
        mvc.perform(post("/reset-password").param("token", token).param("password", "a brand new password")
                .with(csrf()).with(from("192.0.2.20"))).andExpect(redirectedUrl("/login"));

        signIn(ADMIN, "a brand new password", "192.0.2.20").andExpect(redirectedUrl("/"));
    }

    @Test
    void wrongCodesAtTheSecondStepCountLikeWrongPasswordsAndEndTheTry() throws Exception {
        Long id = accounts.forLogin(ADMIN).orElseThrow().id();
        String secret = twoStep.beginTotp(id);
        twoStep.confirmTotp(id, com.careregistry.web.TotpCodes.now(secret));
        Browser session = new Browser(mvc);
        session.perform(post("/login").param("email", ADMIN).param("password", ADMIN_PASSWORD).with(csrf()).with(from("10.4.0.1")))
                .andExpect(redirectedUrl("/login/totp"));
        String wrong = com.careregistry.web.TotpCodes.now(secret).equals("000000") ? "111111" : "000000";
        for (int attempt = 0; attempt < 4; attempt++) {
            session.perform(post("/login/totp").param("code", wrong).with(csrf()).with(from("10.4.0.1")))
                    .andExpect(status().isOk());
        }
        session.perform(post("/login/totp").param("code", wrong).with(csrf()).with(from("10.4.0.1")))
                .andExpect(redirectedUrl("/login?error"));
        signIn(ADMIN, ADMIN_PASSWORD, "10.4.0.1").andExpect(redirectedUrl("/login?error"));
    }

    private long timed(String email, String address) throws Exception {
        long start = System.nanoTime();
        signIn(email, "wrong password", address).andExpect(redirectedUrl("/login?error"));
        return (System.nanoTime() - start) / 1_000_000;
    }

    private ResultActions signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("email", email).param("password", password).with(csrf()).with(from(address)));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
