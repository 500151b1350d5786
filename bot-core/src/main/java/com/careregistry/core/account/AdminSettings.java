package com.careregistry.core.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin account, made on the first run when no admin exists yet.
 *
 * @param email    {@code CCR_ADMIN_EMAIL}
 * @param password {@code CCR_ADMIN_PASSWORD}; when empty a password is generated and printed once
 */
@ConfigurationProperties("careregistry.admin")
public record AdminSettings(@DefaultValue("admin@careregistry.local") String email, String password) {
}
