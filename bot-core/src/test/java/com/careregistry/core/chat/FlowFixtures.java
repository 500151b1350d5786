package com.careregistry.core.chat;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.conversation.ConversationKey;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.text.Texts;
import java.util.Map;

/** What the flows' unit tests share: the real texts, a customer, a session at a step. */
final class FlowFixtures {

    static final long CUSTOMER_ID = 7;
    static final ChatUser ANN = new ChatUser(Channel.TELEGRAM, "ann", "chat-ann", "Ann", "en");

    private FlowFixtures() {
    }

    /** The bundles as the application reads them (always MessageFormat: an apostrophe is written ''). */
    static Texts texts() {
        return new Texts(Texts.bundles());
    }

    static CustomerSession at(String step, Map<String, String> data) {
        Customer ann = mock(Customer.class);
        when(ann.id()).thenReturn(CUSTOMER_ID);
        when(ann.language()).thenReturn("en");
        return new CustomerSession(ann, ANN, ANN.privateChat(), new ConversationKey(Channel.TELEGRAM, "chat-ann", "ann"), step, data);
    }

    /** A session at a step that keeps this message until the customer says where it goes. */
    static CustomerSession keeping(String step, ChatInput message) {
        return at(step, CustomerSession.keep(message));
    }
}
