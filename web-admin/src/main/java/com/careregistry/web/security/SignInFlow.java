package com.careregistry.web.security;

import com.careregistry.core.account.LoginAccount;
import com.careregistry.core.account.StaffAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
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
 * What happens after the password: a wrong one counts towards the lockout and, after a few,
 * slows the answer; a right one signs in, or first asks for the authenticator app's code (or,
 * for admins when it is required, to turn the app on).
 */
@Component
class SignInFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Failed tries after which each answer waits a second more, up to three. */
    static final int SLOW_DOWN_AFTER = 2;

    private final StaffAccounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignInFlow(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        PanelUser user = (PanelUser) authentication.getPrincipal();
        LoginAccount account = accounts.get(user.accountId());
        if (account.totpEnabled()) {
            grant(request, response, user, List.of(new SimpleGrantedAuthority(PanelSecurity.TOTP_PENDING)));
            response.sendRedirect(request.getContextPath() + "/login/totp");
        } else if (accounts.totpRequiredFor(account)) {
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
        if (failure instanceof BadCredentialsException) {
            slowDown(accounts.failedSignIn(request.getParameter("email")));
        }
        // the same answer whether the email is unknown, the password wrong or the account locked
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** The second step passed (or the app was just turned on): the person is signed in for real. */
    void completeSignIn(HttpServletRequest request, HttpServletResponse response, PanelUser user) {
        request.changeSessionId();
        grant(request, response, user, user.roleAuthorities());
        accounts.signedIn(user.accountId());
    }

    void failedSecondStep(PanelUser user) {
        slowDown(accounts.failedSignIn(user.email()));
    }

    private void grant(HttpServletRequest request, HttpServletResponse response, PanelUser user,
                       List<GrantedAuthority> authorities) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static void slowDown(int failures) {
        int seconds = Math.min(failures - SLOW_DOWN_AFTER, 3);
        if (seconds > 0) {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
