package com.careregistry.web.archfixture;

import com.careregistry.core.ticket.Tickets;

/** Breaks the use-case rule on purpose (test code only): the panel counting tickets in a repository. */
public class WebUsingRepository {

    public long count(Tickets tickets) {
        return tickets.count();
    }
}
