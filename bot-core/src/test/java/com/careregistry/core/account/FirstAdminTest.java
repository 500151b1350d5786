package com.careregistry.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class FirstAdminTest extends CoreTest {

    @Autowired
    FirstAdmin firstAdmin;
    @Autowired
    Accounts accounts;

    @Test
    void firstRunWithoutAPasswordGeneratesOneOnceAndStoresOnlyItsHash() {
        String password = firstAdmin.ensure().orElseThrow();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        Account admin = accounts.findByEmailIgnoreCase("admin@careregistry.local").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.passwordHash()).doesNotContain(password).startsWith("$2");
        assertThat(new BCryptPasswordEncoder().matches(password, admin.passwordHash())).isTrue();

        assertThat(firstAdmin.ensure()).isEmpty();
        assertThat(accounts.count()).isEqualTo(1);
    }
}
