package com.careregistry.core.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in to the panel.
 *
 * @param baseUrl               {@code CCR_BASE_URL}: where people reach the panel (for links in emails)
 * @param throttleAfter         sign-in attempts with one email (known or not) after which further ones
 *                              are refused until {@code throttleFor} has passed without one, or a
 *                              reset link for it is used; after two, each answer is slowed by a
 *                              second more, up to three
 * @param throttleFor           how long attempts are remembered: a key quiet for this long starts again
 * @param addressThrottleAfter  sign-in attempts from one source address (any emails) after which further
 *                              ones from it are refused for {@code throttleFor}; the last three before
 *                              are slowed like an email's
 * @param totpRequiredForAdmins admins must use an authenticator app ({@code CCR_TOTP_REQUIRED_FOR_ADMINS})
 */
@ConfigurationProperties("careregistry.panel")
public record PanelSettings(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("5") int throttleAfter,
        @DefaultValue("15m") Duration throttleFor,
        @DefaultValue("50") int addressThrottleAfter,
        @DefaultValue("false") boolean totpRequiredForAdmins) {

    public String link(String path) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + path;
    }
}
