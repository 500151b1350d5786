package com.careregistry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every admin and agent page, in Chromium at 1280 px and at 390 px (a phone): no sideways scroll, a
 * title, and no serious or critical accessibility violation by axe-core (WCAG 2 A and AA rules).
 * All problems of all pages are gathered before the test says which, so one run shows them all.
 */
class PanelLayoutTest extends BrowserTest {

    static final int[] WIDTHS = {1280, 390};
    /** The pages pictured (target/screenshots/NAME-WIDTH.png; docs/screenshots has a copy of a run's). */
    static final java.util.Map<String, String> SCREENSHOTS = java.util.Map.of("/admin", "dashboard", "/admin/tickets", "tickets",
            "/admin/tickets/N", "ticket", "/agent/tickets", "my-tickets");

    @Test
    void everyPageFitsAPhoneAndAScreenWithNoSeriousAccessibilityProblem() {
        EveryPage pages = everyPage();
        List<String> problems = new ArrayList<>();
        signIn(ADMIN, ADMIN_PASSWORD);
        check(problems, pages.adminPages().toArray(String[]::new));
        browser.driver().manage().deleteAllCookies();
        signIn(pages.agent().email(), pages.agentPassword());
        check(problems, pages.agentPages().toArray(String[]::new));
        browser.driver().manage().deleteAllCookies();
        check(problems, "/login", "/forgot-password");
        assertThat(problems).as("pages that scroll sideways, have no title or break an accessibility rule").isEmpty();
    }

    private void check(List<String> problems, String... paths) {
        for (int width : WIDTHS) {
            browser.viewport(width, 844);
            for (String path : paths) {
                browser.open(url(path));
                String where = path + " at " + width + " px";
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
                long visible = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
                if (scroll > visible) {
                    problems.add(where + ": scrolls sideways (" + scroll + " px wide in " + visible + ")");
                }
                String shot = SCREENSHOTS.get(path.replaceAll("/\\d+", "/N"));
                if (shot != null) {
                    browser.screenshot(java.nio.file.Path.of("target/screenshots/" + shot + "-" + width + ".png"));
                }
                if (browser.driver().getTitle() == null || browser.driver().getTitle().isBlank()) {
                    problems.add(where + ": no title");
                }
                if (width == WIDTHS[0]) {   // the rules do not depend on the width; once per page is enough
                    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser.driver());
                    for (Rule rule : results.getViolations()) {
                        if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                            problems.add(where + ": " + rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
                                    + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList());
                        }
                    }
                }
            }
        }
    }
}
