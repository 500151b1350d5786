package com.careregistry.web.browser;

import com.careregistry.web.WebTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that click through the panel in real headless Chromium: one browser for the
 * class, each test starting signed out.
 */
abstract class BrowserTest extends WebTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void signedOut() {
        browser.open(url("/login"));
        browser.driver().manage().deleteAllCookies();
    }

    /** Signs in through the sign-in page, as a person would, and waits until they are let in. */
    void signIn(String email, String password) {
        browser.open(url("/login"));
        browser.fill(By.id("email"), email);
        browser.fill(By.id("password"), password);
        browser.click(By.id("sign-in"));
        browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login?")));
        browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login$")));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
