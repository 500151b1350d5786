package com.careregistry.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * For the profile's pages: the second step of sign-in passed (a code, or the app just turned on),
 * or the account changed its own password; either way this session stays signed in with the
 * account as it is now.
 */
@Component
public class SecondStep {

    private final SignInFlow signIn;

    SecondStep(SignInFlow signIn) {
        this.signIn = signIn;
    }

    public void passed(HttpServletRequest request, HttpServletResponse response, PanelUser user) {
        signIn.completeSignIn(request, response, user);
    }

    public void ownPasswordChanged(HttpServletRequest request, HttpServletResponse response, PanelUser user) {
        signIn.keepSignedIn(request, response, user);
    }
}
