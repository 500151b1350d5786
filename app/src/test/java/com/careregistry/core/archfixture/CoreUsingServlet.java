package com.careregistry.core.archfixture;

import jakarta.servlet.http.HttpServletRequest;

/** Breaks the core rule on purpose (test code only): a core class reading a servlet request. */
public class CoreUsingServlet {

    public String who(HttpServletRequest request) {
        return request.getRemoteUser();
    }
}
