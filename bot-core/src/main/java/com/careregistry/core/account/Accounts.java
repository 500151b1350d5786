package com.careregistry.core.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Accounts extends JpaRepository<Account, Long> {

    Optional<Account> findByEmailIgnoreCase(String email);

    Optional<Account> findByAgentId(Long agentId);

    long countByRole(Role role);
}
