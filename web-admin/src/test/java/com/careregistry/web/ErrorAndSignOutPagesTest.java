package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The error page opened on its own, sign-out from a link, and the session cookie's SameSite, on the real server. */
class ErrorAndSignOutPagesTest extends WebTest {

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theErrorPageOpenedOnItsOwnIsAPoliteNotFoundInTheReadersLanguage() throws Exception {
        HttpResponse<String> english = fetch("/error", "en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("There is no such page.").doesNotContain("Exception").doesNotContain("Whitelabel");
        HttpResponse<String> german = fetch("/error", "de");
        assertThat(german.statusCode()).isEqualTo(404);
        assertThat(german.body()).contains("Diese Seite gibt es nicht.");
    }

    @Test
    void aRealMissingPageStillGetsTheFriendlyPage() throws Exception {
        HttpResponse<String> missing = fetch("/css/no-such-file.css", "en");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no such page.");
    }

    @Test
    void aSignOutLinkAsksAndTheFormSignsOut() throws Exception {
        String page = mvc.perform(get("/logout").with(user(panelUser(ADMIN))).header("Accept-Language", "es"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("¿Quiere cerrar la sesión del panel?").contains("action=\"/logout\"").contains("method=\"post\"")
                .contains("name=\"_csrf\"");
        mvc.perform(get("/logout")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/logout").with(user(panelUser(ADMIN))).with(csrf())).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void theSessionCookieIsSameSiteLax() throws Exception {
        HttpResponse<String> login = fetch("/login", "en");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).as("the sign-in page starts a session (its form's CSRF token)")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").containsIgnoringCase("SameSite=Lax")
                        .containsIgnoringCase("HttpOnly"));
    }

    private HttpResponse<String> fetch(String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept-Language", language)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
