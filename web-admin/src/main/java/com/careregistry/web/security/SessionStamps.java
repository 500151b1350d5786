package com.careregistry.web.security;

import com.careregistry.core.account.StaffAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose account changed since it signed in (an agent deactivated, a new password,
 * two-step sign-in turned on): on each request, the account's session stamp (one primary-key read)
 * against the one the session carries. Works across instances without shared sessions; the
 * request goes to the sign-in page instead.
 */
final class SessionStamps extends OncePerRequestFilter {

    private final StaffAccounts accounts;

    SessionStamps(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PanelUser user
                && !accounts.sessionStamp(user.accountId()).map(stamp -> stamp == user.sessionStamp()).orElse(false)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        chain.doFilter(request, response);
    }
}
