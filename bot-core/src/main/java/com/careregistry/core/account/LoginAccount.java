package com.careregistry.core.account;

/** What sign-in needs to know of an account. */
public record LoginAccount(Long id, String email, String passwordHash, Role role, Long agentId, boolean enabled,
                           boolean locked, boolean totpEnabled) {
}
