package com.careregistry.core.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in to the panel.
 *
 * @param baseUrl               {@code CCR_BASE_URL}: where people reach the panel (for links in emails)
 * @param lockAfter             failed sign-ins in a row that lock an account
 * @param lockFor               how long it stays locked
 * @param totpRequiredForAdmins admins must use an authenticator app ({@code CCR_TOTP_REQUIRED_FOR_ADMINS})
 */
@ConfigurationProperties("careregistry.panel")
public record PanelSettings(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("5") int lockAfter,
        @DefaultValue("15m") Duration lockFor,
        @DefaultValue("false") boolean totpRequiredForAdmins) {

    public String link(String path) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + path;
    }
}
