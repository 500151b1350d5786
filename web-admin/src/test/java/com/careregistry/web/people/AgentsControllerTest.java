package com.careregistry.web.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.careregistry.core.agent.AgentView;
import com.careregistry.core.agent.CreateAgentCommand;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.web.PanelSlice;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * M3 and M6 as the agents page's controller alone sees them (a web slice: the use cases are mocks):
 * the list with each agent's chat accounts, and a refused new agent coming back as it was typed.
 */
@WebMvcTest(AgentsController.class)
@Import(PanelSlice.class)
@WithMockUser(roles = "ADMIN")
class AgentsControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ManageAgents agents;
    @MockitoBean
    ManageCategories categories;

    final CategoryView general = new CategoryView(1, "General", true);
    final CategoryView billing = new CategoryView(2, "Billing", true);

    @Test
    void theListShowsEachAgentWithTheirCategoriesAndChatAccounts() throws Exception {
        when(categories.all()).thenReturn(List.of(billing, general));
        when(categories.active()).thenReturn(List.of(billing, general));
        when(agents.all()).thenReturn(List.of(new AgentView(5, "Maria", "Lopez", "Maria Lopez", "maria@example.com", "en", true,
                Set.of(2L), List.of(new AgentView.ChatAccount(Channel.TELEGRAM, "9001"), new AgentView.ChatAccount(Channel.DISCORD, "77")), false, null)));

        Document page = page(mvc.perform(get("/admin/agents")).andExpect(status().isOk()).andReturn());

        assertThat(page.select("#agents tr:nth-child(2) td").eachText())
                .startsWith("Maria Lopez", "maria@example.com", "Billing", "0", "Set", "Telegram 9001 Discord 77");
        assertThat(page.select("#create-agent input[name=firstName]").val()).isEmpty();
    }

    @Test
    void aRefusedNewAgentComesBackAsTyped() throws Exception {
        when(agents.create(any())).thenThrow(new DomainException("agent.email.taken", "lea@example.com"));
        when(categories.all()).thenReturn(List.of(billing, general));
        when(categories.active()).thenReturn(List.of(billing, general));

        MvcResult refused = mvc.perform(post("/admin/agents").with(csrf()).header("Referer", "http://localhost/admin/agents")
                        .param("firstName", "Lea").param("lastName", "Ng").param("email", "lea@example.com")
                        .param("language", "de").param("categoryIds", "2"))
                .andExpect(redirectedUrl("/admin/agents"))
                .andExpect(flash().attribute("error", "There is already an agent with the email lea@example.com.")).andReturn();
        verify(agents).create(new CreateAgentCommand("Lea", "Ng", "lea@example.com", "de", Set.of(2L)));

        Document page = page(mvc.perform(get("/admin/agents").flashAttrs(refused.getFlashMap())).andExpect(status().isOk()).andReturn());
        assertThat(page.select("#create-agent input[name=firstName]").val()).isEqualTo("Lea");
        assertThat(page.select("#create-agent input[name=lastName]").val()).isEqualTo("Ng");
        assertThat(page.select("#create-agent input[name=email]").val()).isEqualTo("lea@example.com");
        assertThat(page.select("#create-agent select[name=language] option[selected]").val()).isEqualTo("de");
        assertThat(page.select("#create-agent input[name=categoryIds][checked]").eachAttr("value")).containsExactly("2");

        // the refusal is about the email: that field is marked, with the reason beside it, and the page opens on it
        Element email = page.selectFirst("#create-agent input[name=email]");
        assertThat(email.attr("aria-invalid")).isEqualTo("true");
        assertThat(email.attr("aria-describedby")).isEqualTo("refused-field-error");
        assertThat(email.hasAttr("autofocus")).isTrue();
        assertThat(email.previousElementSibling().id()).as("the reason right before the field, after its label").isEqualTo("refused-field-error");
        assertThat(page.select("#refused-field-error").text()).isEqualTo("There is already an agent with the email lea@example.com.");
        assertThat(page.select("[aria-invalid]")).as("only the email").hasSize(1);
        assertThat(page.select("[autofocus]")).hasSize(1);
        assertThat(page.select(".error a.to-field").attr("href")).as("the summary leads to it").isEqualTo("#refused-field-error");
    }

    @Test
    void aTooLongNameMarksTheLongerOfTheTwoNames() throws Exception {
        when(agents.create(any())).thenThrow(new DomainException("agent.name.too-long", 100));
        when(categories.all()).thenReturn(List.of(general));
        when(categories.active()).thenReturn(List.of(general));
        String longName = "N".repeat(120);

        MvcResult refused = mvc.perform(post("/admin/agents").with(csrf()).header("Referer", "http://localhost/admin/agents")
                .param("firstName", "Lea").param("lastName", longName).param("email", "lea@example.com").param("language", "en")).andReturn();

        Document page = page(mvc.perform(get("/admin/agents").flashAttrs(refused.getFlashMap())).andReturn());
        assertThat(page.select("[aria-invalid=true]").eachAttr("name")).containsExactly("lastName");
        assertThat(page.select("#create-agent input[name=lastName]").val()).isEqualTo(longName);
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
