package com.careregistry.web.security;

import com.careregistry.core.account.LoginAccount;
import com.careregistry.core.account.SignInThrottle;
import com.careregistry.core.account.StaffAccounts;
import com.careregistry.core.account.TwoStepSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What happens after the password: a right one signs in, or first asks for the authenticator app's
 * code (or, for admins when it is required, to turn the app on); a refused one gets the same answer
 * whatever the reason (the throttle's wait was already served by {@link PanelAuthentication}). A
 * wrong code counts like a wrong password.
 */
@Component
class SignInFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final StaffAccounts accounts;
    private final TwoStepSignIn twoStep;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignInFlow(StaffAccounts accounts, TwoStepSignIn twoStep) {
        this.accounts = accounts;
        this.twoStep = twoStep;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        PanelUser user = (PanelUser) authentication.getPrincipal();
        LoginAccount account = accounts.get(user.accountId());
        if (account.totpEnabled()) {
            grant(request, response, user, List.of(new SimpleGrantedAuthority(PanelSecurity.TOTP_PENDING)));
            response.sendRedirect(request.getContextPath() + "/login/totp");
        } else if (twoStep.totpRequiredFor(account)) {
            grant(request, response, user, List.of(new SimpleGrantedAuthority(PanelSecurity.TOTP_SETUP)));
            response.sendRedirect(request.getContextPath() + "/profile/totp");
        } else {
            accounts.signedIn(user.accountId());
            response.sendRedirect(request.getContextPath() + "/");
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // the same answer whether the email is unknown, the password wrong or the email throttled
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /**
     * The second step passed (or the app was just turned on): the person is signed in for real, with
     * the account as it is now (its session stamp may just have moved on).
     */
    void completeSignIn(HttpServletRequest request, HttpServletResponse response, PanelUser user) {
        request.changeSessionId();
        PanelUser now = PanelUser.of(accounts.get(user.accountId()));
        grant(request, response, now, now.roleAuthorities());
        accounts.signedIn(user.accountId());
    }

    /**
     * This session changed its own account (a new password): it stays signed in, carrying the
     * account's new stamp, under a new session id, while every other session ends.
     */
    void keepSignedIn(HttpServletRequest request, HttpServletResponse response, PanelUser user) {
        request.changeSessionId();
        PanelUser now = PanelUser.of(accounts.get(user.accountId()));
        grant(request, response, now, now.roleAuthorities());
    }

    /** A wrong code: waits like a wrong password; false when this try to sign in is over (throttled). */
    boolean failedSecondStep(HttpServletRequest request, PanelUser user) {
        SignInThrottle.Attempt attempt = accounts.failedSecondStep(user.accountId(), PanelAuthentication.address(request));
        PanelAuthentication.pause(attempt.waitBeforeAnswer());
        return !attempt.throttled();
    }

    private void grant(HttpServletRequest request, HttpServletResponse response, PanelUser user,
                       List<GrantedAuthority> authorities) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
