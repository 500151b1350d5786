package com.careregistry.core.account;

import java.time.Duration;
import java.util.Optional;

/**
 * How a password attempt went: the account when it may go on signing in (otherwise empty, for
 * every reason alike), and how long the answer must wait, the same for every email with the same
 * count of attempts.
 */
public record SignInAttempt(Optional<LoginAccount> account, Duration waitBeforeAnswer) {
}
