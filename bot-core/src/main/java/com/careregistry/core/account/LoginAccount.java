package com.careregistry.core.account;

/**
 * What sign-in needs to know of an account. {@code sessionStamp} moves on when every other session
 * of the account must end (deactivated, a new password, two-step sign-in turned on).
 */
public record LoginAccount(Long id, String email, String passwordHash, Role role, Long agentId, boolean enabled,
                           boolean totpEnabled, long sessionStamp) {
}
