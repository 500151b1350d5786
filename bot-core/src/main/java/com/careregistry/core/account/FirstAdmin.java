package com.careregistry.core.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first run (no admin yet) makes the admin account from {@code CCR_ADMIN_EMAIL} and
 * {@code CCR_ADMIN_PASSWORD}; without a password it generates one and prints it this once.
 */
@Component
public class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffAccounts accounts;
    private final AdminSettings settings;

    public FirstAdmin(StaffAccounts accounts, AdminSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /** Makes the first admin if there is none; returns the generated password, if one was generated. */
    @Transactional
    public Optional<String> ensure() {
        if (accounts.admins() > 0) {
            return Optional.empty();
        }
        boolean generated = settings.password() == null || settings.password().isBlank();
        String password = generated ? generatePassword() : settings.password();
        String email = accounts.createAdmin(settings.email(), password).email();
        if (generated) {
            log.warn("""

                    ================================================================
                    First run: made the admin account {}
                    with the generated password  {}
                    It is shown only this once. Sign in and change it, or set
                    CCR_ADMIN_EMAIL and CCR_ADMIN_PASSWORD before the first run.
                    ================================================================""", email, password);
            return Optional.of(password);
        }
        log.info("First run: made the admin account {} (password from CCR_ADMIN_PASSWORD)", email);
        return Optional.empty();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
