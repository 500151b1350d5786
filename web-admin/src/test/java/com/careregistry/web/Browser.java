package com.careregistry.web;

import jakarta.servlet.http.Cookie;
import java.util.Base64;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One browser using the panel through MockMvc: the session cookie it was given (the panel's sessions
 * are kept in the database, Spring Session, and known by that cookie only) is sent with every
 * request that follows, as a browser would.
 */
public final class Browser {

    private final MockMvc mvc;
    private Cookie session;

    public Browser(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A request from this browser: with its session cookie, keeping the one the answer sets. */
    public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        ResultActions result = mvc.perform(request);
        Cookie given = result.andReturn().getResponse().getCookie("SESSION");
        if (given != null) {
            session = given.getMaxAge() == 0 ? null : given;
        }
        return result;
    }

    /** The id of this browser's session as the panel keeps it (SPRING_SESSION.SESSION_ID). */
    public String sessionId() {
        return session == null ? null : new String(Base64.getDecoder().decode(session.getValue()));
    }
}
