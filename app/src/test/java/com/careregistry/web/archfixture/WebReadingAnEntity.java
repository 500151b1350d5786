package com.careregistry.web.archfixture;

import com.careregistry.core.agent.Agent;

/** Breaks the read-model rule on purpose (test code only): the panel reads a JPA entity. */
public class WebReadingAnEntity {

    public String name(Agent agent) {
        return agent.fullName();
    }
}
