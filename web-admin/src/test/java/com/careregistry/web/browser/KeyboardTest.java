package com.careregistry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Every admin and agent page, in Chromium, used with the keyboard alone: pressing Tab from the top
 * reaches every link, button and form control that is shown (none is taken out of the order with a
 * negative tabindex), and each of them, focused so, looks different from unfocused (an outline or a
 * shadow), so one can see where one is. All problems of all pages are gathered before the test says which.
 */
class KeyboardTest extends BrowserTest {

    /** Marks what a person can operate and is shown (not in a closed part, not hidden), numbered in page order. */
    private static final String MARK_CONTROLS = """
            var all = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]');
            var found = [];
            all.forEach(function (e) {
              if (e.disabled || e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden') { return; }
              if (e.tagName === 'MAIN' || e.closest('[inert]')) { return; }
              e.setAttribute('data-kbd', String(found.length));
              found.push([String(found.length), e.tabIndex, e.outerHTML.substring(0, 100)]);
            });
            return found;
            """;

    /** What shows focus on an element: its outline and its shadow (and, for the record, its border and background). */
    private static final String LOOK = """
            function look(e) {
              var s = getComputedStyle(e);
              var outline = s.outlineStyle === 'none' || s.outlineWidth === '0px' ? 'none' : s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor;
              return outline + ' | ' + s.boxShadow + ' | ' + s.borderColor + ' | ' + s.backgroundColor;
            }
            """;

    @Test
    void tabReachesEveryControlOfEveryPageAndShowsWhereTheFocusIs() {
        EveryPage pages = everyPage();
        List<String> problems = new ArrayList<>();
        browser.viewport(1280, 844);
        signIn(ADMIN, ADMIN_PASSWORD);
        check(problems, pages.adminPages().toArray(String[]::new));
        browser.driver().manage().deleteAllCookies();
        signIn(pages.agent().email(), pages.agentPassword());
        check(problems, pages.agentPages().toArray(String[]::new));
        assertThat(problems).as("controls the keyboard cannot reach, or that do not show the focus").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void check(List<String> problems, String... paths) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        for (String path : paths) {
            browser.open(url(path));
            List<List<Object>> controls = (List<List<Object>>) js.executeScript(MARK_CONTROLS);
            assertThat(controls).as(path + " has something to operate").isNotEmpty();
            Map<String, String> described = new HashMap<>();
            for (List<Object> control : controls) {
                described.put((String) control.get(0), (String) control.get(2));
                if (((Number) control.get(1)).intValue() < 0) {
                    problems.add(path + ": out of the Tab order (tabindex " + control.get(1) + "): " + control.get(2));
                }
            }
            // Tab from the top, as far as the page goes (once round is enough: stop where it started again)
            js.executeScript("if (document.activeElement) { document.activeElement.blur(); } window.scrollTo(0, 0);");
            Set<String> reached = new LinkedHashSet<>();
            Map<String, String> focusedLook = new HashMap<>();
            for (int step = 0; step < controls.size() + 5; step++) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                List<Object> active = (List<Object>) js.executeScript(LOOK + """
                        var e = document.activeElement;
                        return e && e !== document.body ? [e.getAttribute('data-kbd'), look(e)] : null;
                        """);
                if (active == null || active.get(0) == null) {
                    continue;
                }
                String id = (String) active.get(0);
                if (!reached.add(id)) {
                    break;
                }
                focusedLook.put(id, (String) active.get(1));
            }
            js.executeScript("if (document.activeElement) { document.activeElement.blur(); }");
            for (List<Object> control : controls) {
                String id = (String) control.get(0);
                if (!reached.contains(id)) {
                    problems.add(path + ": Tab never reaches " + described.get(id));
                    continue;
                }
                String unfocused = (String) js.executeScript(LOOK + "return look(document.querySelector('[data-kbd=\"' + arguments[0] + '\"]'));", id);
                String focused = focusedLook.get(id);
                boolean ring = !focused.startsWith("none | none");
                if (!ring || focused.equals(unfocused)) {
                    problems.add(path + ": no visible focus on " + described.get(id) + " (focused: " + focused + "; not: " + unfocused + ")");
                }
            }
        }
    }
}
