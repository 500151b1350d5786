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
    Admins admins;

    @Test
    void firstRunWithoutAPasswordGeneratesOneOnceAndStoresOnlyItsHash() {
        String password = firstAdmin.ensure().orElseThrow();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        Admin admin = admins.findByEmailIgnoreCase("admin@careregistry.local").orElseThrow();
        assertThat(admin.passwordHash()).doesNotContain(password).startsWith("$2");
        assertThat(new BCryptPasswordEncoder().matches(password, admin.passwordHash())).isTrue();

        assertThat(firstAdmin.ensure()).isEmpty();
        assertThat(admins.count()).isEqualTo(1);
    }
}
