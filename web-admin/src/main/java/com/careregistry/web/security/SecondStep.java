package com.careregistry.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/** The second step of sign-in passed (a code, or the app just turned on): the person is signed in for real. */
@Component
public class SecondStep {

    private final SignInFlow signIn;

    SecondStep(SignInFlow signIn) {
        this.signIn = signIn;
    }

    public void passed(HttpServletRequest request, HttpServletResponse response, PanelUser user) {
        signIn.completeSignIn(request, response, user);
    }
}
