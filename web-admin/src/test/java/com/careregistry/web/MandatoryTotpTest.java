package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With CCR_TOTP_REQUIRED_FOR_ADMINS, an admin without an authenticator app can only turn one on. */
@TestPropertySource(properties = "careregistry.panel.totp-required-for-admins=true")
class MandatoryTotpTest extends WebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anAdminWithoutTheAppMustTurnItOnBeforeAnythingElse() throws Exception {
        Browser session = new Browser(mvc);
        session.perform(post("/login").param("email", ADMIN).param("password", ADMIN_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/profile/totp"));

        session.perform(get("/admin")).andExpect(status().isForbidden());
        session.perform(get("/admin/tickets")).andExpect(status().isForbidden());
        String page = session.perform(get("/profile/totp")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Admins must use two-step sign-in here.");

        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
        String code = "%06d".formatted(totp.generateOneTimePassword(
                new SecretKeySpec(new Base32().decode(secret.group(1)), totp.getAlgorithm()), Instant.now()));
        session.perform(post("/profile/totp").param("code", code).with(csrf())).andExpect(redirectedUrl("/profile"));
        session.perform(get("/admin")).andExpect(status().isOk());
    }
}
