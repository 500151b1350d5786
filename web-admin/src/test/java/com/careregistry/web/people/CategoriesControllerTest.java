package com.careregistry.web.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.category.ServiceTargets;
import com.careregistry.core.sla.BusinessHours;
import com.careregistry.core.sla.Deadlines;
import com.careregistry.core.common.DomainException;
import com.careregistry.web.PanelSlice;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** M5 as the categories page's controller alone sees it: a refused name comes back in the form it was typed in, only there. */
@WebMvcTest(CategoriesController.class)
@Import(PanelSlice.class)
@WithMockUser(roles = "ADMIN")
class CategoriesControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ManageCategories categories;
    @MockitoBean
    Deadlines deadlines;

    @BeforeEach
    void theDeskWorksMondayToFriday() {
        when(deadlines.hours()).thenReturn(BusinessHours.of(ZoneId.of("Europe/Berlin"), "MON-FRI", "09:00-17:00"));
    }

    @Test
    void aTargetThatDoesNotReadIsRefusedPolitelyWithBothTargetsAsTyped() throws Exception {
        when(categories.all()).thenReturn(List.of(new CategoryView(1, "Billing", true,
                new ServiceTargets(Duration.ofHours(2), null))));
        when(categories.promise(eq(1L), any(), any())).thenThrow(new DomainException("category.target.invalid", "two hours"));

        MvcResult refused = mvc.perform(post("/admin/categories/1/targets").with(csrf())
                        .header("Referer", "http://localhost/admin/categories").param("firstResponse", "two hours").param("resolution", "8h"))
                .andExpect(redirectedUrl("/admin/categories")).andReturn();

        Document page = Jsoup.parse(mvc.perform(get("/admin/categories").flashAttrs(refused.getFlashMap()))
                .andReturn().getResponse().getContentAsString());
        String reason = "A target is working time like 2h, 30m or 1h 30m (at most a year), or empty for none; two hours is not one.";
        assertThat(page.select(".error .reason").text()).isEqualTo(reason);
        assertThat(page.select("form[action$=/targets] input[name=firstResponse]").val()).isEqualTo("two hours");
        assertThat(page.select("form[action$=/targets] input[name=resolution]").val()).isEqualTo("8h");
        // of the two targets, the one the reason quotes is marked wrong, with the reason beside it
        Element wrong = page.selectFirst("form[action$=/targets] input[name=firstResponse]");
        assertThat(wrong.attr("aria-invalid")).isEqualTo("true");
        assertThat(wrong.attr("aria-describedby")).isEqualTo("refused-field-error");
        assertThat(wrong.hasAttr("autofocus")).isTrue();
        assertThat(wrong.previousElementSibling()).isNotNull();
        assertThat(wrong.previousElementSibling().id()).isEqualTo("refused-field-error");
        assertThat(wrong.previousElementSibling().text()).isEqualTo(reason);
        assertThat(page.select("form[action$=/targets] input[name=resolution]").hasAttr("aria-invalid")).isFalse();
        assertThat(page.select("[aria-invalid]")).hasSize(1);
        assertThat(page.select(".error a.to-field").attr("href")).isEqualTo("#refused-field-error");
        assertThat(page.text()).contains("Targets count working time (Mon–Fri 09:00–17:00 Europe/Berlin)");

        Document unrefused = Jsoup.parse(mvc.perform(get("/admin/categories")).andReturn().getResponse().getContentAsString());
        assertThat(unrefused.select("form[action$=/targets] input[name=firstResponse]").val()).as("the target as set").isEqualTo("2h");
        assertThat(unrefused.select("form[action$=/targets] input[name=resolution]").val()).isEmpty();
    }

    @Test
    void aRefusedRenameShowsTheTypedNameInThatRowOnlyAndTheOthersKeepTheirs() throws Exception {
        when(categories.all()).thenReturn(List.of(new CategoryView(1, "Billing", true), new CategoryView(2, "General", true)));
        when(categories.rename(eq(2L), any())).thenThrow(new DomainException("category.name.taken", "BILLING"));

        MvcResult refused = mvc.perform(post("/admin/categories/2/rename").with(csrf())
                        .header("Referer", "http://localhost/admin/categories").param("name", "BILLING"))
                .andExpect(redirectedUrl("/admin/categories"))
                .andExpect(flash().attribute("error", "There is already a category called BILLING.")).andReturn();

        Document page = Jsoup.parse(mvc.perform(get("/admin/categories").flashAttrs(refused.getFlashMap()))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("form[action$=/rename] input[name=name]").eachAttr("value")).containsExactly("Billing", "BILLING");
        assertThat(page.select("[aria-invalid=true]")).as("the name in the renamed row only").hasSize(1);
        assertThat(page.selectFirst("[aria-invalid=true]").parent().attr("action")).isEqualTo("/admin/categories/2/rename");
        assertThat(page.select("#refused-field-error").text()).isEqualTo("There is already a category called BILLING.");
        assertThat(page.select("form[action=/admin/categories] input[name=name]").val()).isEmpty();
        assertThat(page.select(".error").text()).contains("There is already a category called BILLING.");
    }

    @Test
    void aRefusedNewCategoryKeepsItsName() throws Exception {
        when(categories.all()).thenReturn(List.of(new CategoryView(1, "Billing", true)));
        when(categories.create(any())).thenThrow(new DomainException("category.name.taken", "billing"));

        MvcResult refused = mvc.perform(post("/admin/categories").with(csrf())
                .header("Referer", "http://localhost/admin/categories").param("name", "billing")).andReturn();

        Document page = Jsoup.parse(mvc.perform(get("/admin/categories").flashAttrs(refused.getFlashMap()))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("form[action=/admin/categories] input[name=name]").val()).isEqualTo("billing");
        assertThat(page.select("form[action$=/rename] input[name=name]").val()).isEqualTo("Billing");
    }

    @Test
    void aChangeRacedBySomeoneElseSaysSoAndKeepsWhatWasTyped() throws Exception {
        when(categories.all()).thenReturn(List.of(new CategoryView(1, "Billing", true)));
        when(categories.rename(eq(1L), any())).thenThrow(new OptimisticLockingFailureException("version 3 is gone"));

        MvcResult raced = mvc.perform(post("/admin/categories/1/rename").with(csrf())
                        .header("Referer", "http://localhost/admin/categories").param("name", "Invoices"))
                .andExpect(redirectedUrl("/admin/categories"))
                .andExpect(flash().attribute("error", "Someone changed this at the same moment, so nothing was saved. "
                        + "Please look at it again and retry.")).andReturn();
        Document page = Jsoup.parse(mvc.perform(get("/admin/categories").flashAttrs(raced.getFlashMap()))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("form[action$=/rename] input[name=name]").val()).isEqualTo("Invoices");
    }
}
