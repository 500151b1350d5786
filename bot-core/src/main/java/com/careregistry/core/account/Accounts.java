package com.careregistry.core.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Accounts extends JpaRepository<Account, Long> {

    Optional<Account> findByEmailIgnoreCase(String email);

    Optional<Account> findByAgentId(Long agentId);

    long countByRole(Role role);

    java.util.List<Account> findByRole(Role role);

    /** The stamp sessions of this account must carry: one primary-key read, made on each panel request. */
    @Query("SELECT a.sessionStamp FROM Account a WHERE a.id = :id")
    Optional<Long> sessionStamp(@Param("id") Long accountId);

    /**
     * Takes an authenticator code's time step for this account if no code of this step or a later
     * one was taken before: 1 when taken, 0 when it is a replay. One statement, so two requests
     * racing with the same code cannot both win.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("UPDATE Account a SET a.totpLastStep = :step WHERE a.id = :id AND (a.totpLastStep IS NULL OR a.totpLastStep < :step)")
    int takeTotpStep(@Param("id") Long accountId, @Param("step") long step);
}
