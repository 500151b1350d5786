package com.careregistry.web.archfixture;

import com.careregistry.core.outbox.MessageAction;

/** Breaks the codec rule on purpose (ArchitectureTest): a button built from a hand-made id. */
public class WebBuildingAButton {

    public MessageAction claim(long ticket) {
        return new MessageAction("claim:" + ticket, "Claim");
    }
}
