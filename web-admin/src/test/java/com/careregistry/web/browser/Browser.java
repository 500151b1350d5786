package com.careregistry.web.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through ChromeDriver, for the panel's browser tests.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} packages (installed by
 * {@code .ci/run}): {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or the paths in
 * the environment variables {@code CHROMIUM} and {@code CHROMEDRIVER}. Both paths are given to
 * Selenium explicitly, so it never runs Selenium Manager (which would try to download a driver or
 * a browser) and nothing here reaches the network.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start()) {
 *     browser.open("http://127.0.0.1:" + port + "/login");
 *     browser.fill(By.name("username"), "admin");
 *     browser.click(By.cssSelector("button[type=submit]"));
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    public static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, WebDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh headless Chromium with a new, temporary profile. */
    public static Browser start() {
        File chromedriver = executable("CHROMEDRIVER", DEFAULT_CHROMEDRIVER);
        File chromium = executable("CHROMIUM", DEFAULT_CHROMIUM);
        Path profile;
        try {
            profile = Files.createTempDirectory("browser-test-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        try {
            // the driver's path is set on the service, so Selenium skips Selenium Manager
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
            driver.manage().timeouts().scriptTimeout(TIMEOUT);
            return new Browser(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    private static File executable(String envVariable, String fallback) {
        String configured = System.getenv(envVariable);
        File file = new File(configured == null || configured.isBlank() ? fallback : configured);
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is not an executable file (set " + envVariable
                    + ", or install Debian's chromium and chromium-driver: see .ci/run)");
        }
        return file;
    }

    /** The page is laid out as on a screen this wide and high (CSS pixels), as a phone's when narrow. */
    public void viewport(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads the URL and waits for the document to be complete. */
    public void open(String url) {
        driver.get(url);
    }

    /** The element, once it is present in the page (waits up to {@link #TIMEOUT}). */
    public WebElement find(By locator) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** Clears the (visible) field and types the text into it. */
    public void fill(By locator, String text) {
        WebElement field = waitFor(ExpectedConditions.visibilityOfElementLocated(locator));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks the element once it is clickable. */
    public void click(By locator) {
        waitFor(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** The visible text of the page's body, as a person reads it. */
    public String pageText() {
        return find(By.tagName("body")).getText();
    }

    /**
     * Waits for a JavaScript {@code confirm()} (or {@code alert()}) dialog, checks that its text is
     * exactly {@code expectedText}, and accepts it.
     *
     * @throws AssertionError if the dialog shows another text (the dialog is then dismissed)
     */
    public void acceptConfirm(String expectedText) {
        Alert dialog = waitFor(ExpectedConditions.alertIsPresent());
        String text = dialog.getText();
        if (!expectedText.equals(text)) {
            dialog.dismiss();
            throw new AssertionError("expected a confirm dialog saying <" + expectedText
                    + "> but it said <" + text + ">");
        }
        dialog.accept();
    }

    /** Writes a PNG of the viewport to {@code file}, creating its folders. */
    public void screenshot(Path file) {
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits up to {@link #TIMEOUT} for the condition to give a non-null, non-false value; an element
     * the page replaced while the condition read it (a live update) is looked up again.
     */
    public <T> T waitFor(ExpectedCondition<T> condition) {
        return waitFor(TIMEOUT, condition);
    }

    /** {@link #waitFor(ExpectedCondition)}, up to {@code within} (what a page promises its users, say). */
    public <T> T waitFor(Duration within, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, within).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Quits the browser, stops ChromeDriver and deletes the temporary profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                service.stop();
            } finally {
                deleteRecursively(profile);
            }
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary profile is not worth failing a test for
        }
    }
}
