package com.careregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.article.ManageArticles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The articles pages are the admins' alone; a missing article or a malformed form is a polite page, never a failure. */
class ArticlesAccessTest extends WebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ManageArticles articles;

    @Test
    void onlyAdminsOpenOrChangeArticles() throws Exception {
        mvc.perform(get("/admin/articles")).andExpect(redirectedUrl("/login"));
        AgentView maria = agentWithPassword("Maria", "maria-password-1");
        mvc.perform(get("/admin/articles").with(user(panelUser(maria.email())))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/articles").param("title", "Refunds").param("body", "Five days.").param("keywords", "refund")
                .with(user(panelUser(maria.email()))).with(csrf())).andExpect(status().isForbidden());
        assertThat(articles.all()).isEmpty();
        mvc.perform(get("/admin/articles").with(user(panelUser(ADMIN)))).andExpect(status().isOk());
    }

    @Test
    void aMissingArticleIsNotFoundAndARefusedOneGoesBackWithTheReason() throws Exception {
        mvc.perform(get("/admin/articles/987654").with(user(panelUser(ADMIN)))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/articles/987654/retire").with(user(panelUser(ADMIN))).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/articles").param("categoryId", "").param("title", "Refunds").param("body", "Five days.")
                        .param("keywords", ",").header("Referer", "http://localhost/admin/articles")
                        .with(user(panelUser(ADMIN))).with(csrf()))
                .andExpect(redirectedUrl("/admin/articles"))
                .andExpect(flash().attribute("error", "An article needs at least one keyword (separated by commas), or it is never offered."));
        mvc.perform(post("/admin/articles").param("categoryId", "not-a-number").param("title", "Refunds").param("body", "Five days.")
                .param("keywords", "refund").with(user(panelUser(ADMIN))).with(csrf())).andExpect(status().isBadRequest());
        assertThat(articles.all()).isEmpty();
    }
}
