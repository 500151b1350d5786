package com.careregistry.core.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountTokens extends JpaRepository<AccountToken, Long> {

    Optional<AccountToken> findByTokenHash(String tokenHash);
}
