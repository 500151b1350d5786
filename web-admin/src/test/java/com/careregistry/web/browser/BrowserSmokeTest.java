package com.careregistry.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Checks the headless-browser setup itself, against a tiny page served by the JDK's HTTP server:
 * a form whose button asks for a confirm() and whose answer echoes the input HTML-escaped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrowserSmokeTest {

    private static final String CONFIRM = "Do you really want to assign the agent for this ticket?";
    private static final String PAYLOAD = "<script>alert(1)</script>";

    private HttpServer server;
    private final List<String> submitted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void confirmedFormShowsTheSubmittedMarkupAsText(@TempDir Path tmp) {
        try (Browser browser = Browser.start()) {
            browser.open(baseUrl() + "/ticket");
            assertThat(browser.pageText()).contains("Assign an agent");

            browser.fill(By.name("agent"), PAYLOAD);
            browser.click(By.id("assign"));
            browser.acceptConfirm(CONFIRM);

            browser.waitFor(ExpectedConditions.urlContains("/assign"));
            assertThat(browser.find(By.id("echo")).getText()).isEqualTo(PAYLOAD);
            // shown, not run: no alert(1) opened, and the text is on the page literally
            assertThatThrownBy(() -> browser.driver().switchTo().alert())
                    .isInstanceOf(NoAlertPresentException.class);
            assertThat(browser.pageText()).contains("Assigned: " + PAYLOAD);
            assertThat(submitted).containsExactly(PAYLOAD);

            Path png = tmp.resolve("shots/assigned.png");
            browser.screenshot(png);
            assertThat(png).exists();
            assertThat(readPrefix(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && "/ticket".equals(path)) {
                respond(exchange, 200, """
                        <!DOCTYPE html>
                        <html><head><meta charset="utf-8"><title>Ticket</title></head>
                        <body>
                          <h1>Assign an agent</h1>
                          <form method="post" action="/assign">
                            <input type="text" name="agent">
                            <button id="assign" type="submit"
                                    onclick="return confirm('%s')">Assign</button>
                          </form>
                        </body></html>
                        """.formatted(CONFIRM));
            } else if ("POST".equals(exchange.getRequestMethod()) && "/assign".equals(path)) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String agent = formValue(body, "agent");
                submitted.add(agent);
                respond(exchange, 200, """
                        <!DOCTYPE html>
                        <html><head><meta charset="utf-8"><title>Assigned</title></head>
                        <body><p>Assigned: <span id="echo">%s</span></p></body></html>
                        """.formatted(escapeHtml(agent)));
            } else {
                respond(exchange, 404, "<!DOCTYPE html><html><body>not found</body></html>");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String formValue(String urlEncodedBody, String name) {
        for (String pair : urlEncodedBody.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] readPrefix(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            return Arrays.copyOf(all, Math.min(4, all.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
