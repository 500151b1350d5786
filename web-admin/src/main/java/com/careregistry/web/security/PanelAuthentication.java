package com.careregistry.web.security;

import com.careregistry.core.account.LoginAccount;
import com.careregistry.core.account.SignInAttempt;
import com.careregistry.core.account.StaffAccounts;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks the sign-in form's email and password through the core, which does the same work for every
 * email, and waits as long as the throttle says before answering, right or wrong: a slowed email
 * cannot be guessed faster by giving up on slow answers. Every refusal is the same exception.
 */
@Component
class PanelAuthentication implements AuthenticationProvider {

    private final StaffAccounts accounts;

    PanelAuthentication(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication form) {
        String address = form.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        SignInAttempt attempt = accounts.checkPassword(form.getName(),
                form.getCredentials() == null ? "" : form.getCredentials().toString(), address);
        pause(attempt.waitBeforeAnswer());
        LoginAccount account = attempt.account().orElseThrow(() -> new BadCredentialsException("sign-in refused"));
        PanelUser user = PanelUser.of(account);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The source address of a request, as the throttle counts it. */
    static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    static void pause(Duration wait) {
        if (!wait.isNegative() && !wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
