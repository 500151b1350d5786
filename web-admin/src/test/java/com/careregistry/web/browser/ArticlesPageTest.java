package com.careregistry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.article.ArticleCommand;
import com.careregistry.core.article.OfferArticles;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.customer.Customer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins keep the articles offered before a ticket, and see on the dashboard how many tickets they prevented; in real headless Chromium. */
class ArticlesPageTest extends BrowserTest {

    @Autowired
    OfferArticles offerArticles;

    @BeforeEach
    void signedInAsAdmin() {
        signIn(ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void anAdminAddsEditsRetiresAndRestoresAnArticleAndBadInputIsRefusedWithTheFormKept() {
        CategoryView billing = categories.create("Billing");
        Customer ann = customer("Ann");
        browser.open(url("/admin"));
        browser.click(By.linkText("Articles"));
        assertThat(browser.find(By.id("articles-empty")).getText()).isEqualTo("No articles yet. Add the first below.");

        // keywords that are only commas: refused, the form as it was typed
        new Select(browser.find(By.id("categoryId"))).selectByVisibleText("Billing");
        browser.fill(By.id("title"), "Refunds take five days");
        browser.fill(By.id("body"), "A refund reaches your card within five working days.");
        browser.fill(By.id("keywords"), " , ,");
        browser.click(By.id("add"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.className("error"),
                "An article needs at least one keyword (separated by commas), or it is never offered."));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/articles");
        assertThat(browser.find(By.id("title")).getDomProperty("value")).isEqualTo("Refunds take five days");
        assertThat(browser.find(By.id("body")).getDomProperty("value")).isEqualTo("A refund reaches your card within five working days.");
        assertThat(new Select(browser.find(By.id("categoryId"))).getFirstSelectedOption().getText()).isEqualTo("Billing");
        assertThat(articles.all()).isEmpty();

        browser.fill(By.id("keywords"), "Refund, Money back");
        browser.click(By.id("add"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.className("info"), "Article Refunds take five days saved."));
        long id = articles.all().get(0).id();
        By row = By.id("article-" + id);
        assertThat(browser.find(row).findElement(By.className("article-category")).getText()).isEqualTo("Billing");
        assertThat(browser.find(row).findElement(By.className("article-keywords")).getText()).isEqualTo("refund, money back");
        assertThat(browser.find(row).findElement(By.className("article-state")).getText()).isEqualTo("offered");

        // edit: a title of spaces is refused on the edit page, with what was typed kept; then saved for all categories
        browser.click(By.cssSelector("#article-" + id + " a.edit"));
        browser.waitFor(ExpectedConditions.urlContains("/admin/articles/" + id));
        assertThat(new Select(browser.find(By.id("categoryId"))).getFirstSelectedOption().getText()).isEqualTo("Billing");
        browser.fill(By.id("title"), "   ");
        browser.fill(By.id("keywords"), "refund, late");
        browser.click(By.id("save"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.className("error"), "An article needs a title."));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/articles/" + id);
        assertThat(browser.find(By.id("keywords")).getDomProperty("value")).isEqualTo("refund, late");

        browser.fill(By.id("title"), "Refunds take five working days");
        new Select(browser.find(By.id("categoryId"))).selectByVisibleText("All categories");
        browser.click(By.id("save"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.className("info"),
                "Article Refunds take five working days saved."));
        assertThat(browser.find(row).findElement(By.className("article-category")).getText()).isEqualTo("All categories");
        assertThat(browser.find(row).findElement(By.className("article-keywords")).getText()).isEqualTo("refund, late");
        assertThat(offerArticles.offer(ann.id(), billing.id(), "Is my refund late?")).isPresent();

        browser.click(By.cssSelector("#article-" + id + " button.retire"));
        browser.waitFor(ExpectedConditions.textToBe(By.cssSelector("#article-" + id + " .article-state"), "retired"));
        assertThat(offerArticles.offer(ann.id(), billing.id(), "Is my refund late?")).isEmpty();
        browser.click(By.cssSelector("#article-" + id + " button.restore"));
        browser.waitFor(ExpectedConditions.textToBe(By.cssSelector("#article-" + id + " .article-state"), "offered"));
        assertThat(offerArticles.offer(ann.id(), billing.id(), "Is my refund late?")).isPresent();
    }

    @Test
    void theDashboardShowsTheTicketsArticlesPreventedAndTheOffersMade() {
        CategoryView billing = categories.create("Billing");
        articles.add(ArticleCommand.typed(billing.id(), "Refunds", "Five working days.", "refund"));
        long solved = offerArticles.offer(customer("Ann").id(), billing.id(), "refund?").orElseThrow().id();
        Customer bob = customer("Bob");
        long opened = offerArticles.offer(bob.id(), billing.id(), "refund!").orElseThrow().id();
        offerArticles.offer(customer("Cid").id(), billing.id(), "refund.");   // not answered yet
        offerArticles.answer(solved, customers.find(com.careregistry.core.common.Channel.TELEGRAM, "tg-Ann").orElseThrow().id(), true);
        offerArticles.answer(opened, bob.id(), false);

        browser.open(url("/admin"));
        assertThat(browser.find(By.id("article-stats")).getText()).contains("Tickets prevented by articles (last 30 days)")
                .contains("Articles offered instead of a ticket (last 30 days)");
        assertThat(browser.find(By.id("articles-prevented")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("articles-offered")).getText()).isEqualTo("3");
    }

}
