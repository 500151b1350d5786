package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;

import com.careregistry.core.common.ChatUser;
import com.careregistry.core.conversation.ConversationKey;
import com.careregistry.core.conversation.ConversationState;
import com.careregistry.core.conversation.Conversations;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.ticket.TicketNumber;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Where a customer's session comes from and how its step moves: the core's conversation state. */
@Component
class CustomerSessions {

    private final CustomerDirectory customers;
    private final Conversations conversations;

    CustomerSessions(CustomerDirectory customers, Conversations conversations) {
        this.customers = customers;
        this.conversations = conversations;
    }

    /** The customer behind this chat user (registered on their first message) and the step they are at. */
    CustomerSession of(ChatUser user) {
        Customer customer = customers.register(user);
        ConversationKey key = new ConversationKey(user.channel(), user.chatId(), user.externalUserId());
        Optional<ConversationState> state = conversations.current(key);
        return new CustomerSession(customer, user, user.privateChat(), key, state.map(ConversationState::step).orElse(IDLE),
                state.map(ConversationState::data).orElse(Map.of()));
    }

    /** Moves to a step, keeping the ticket the customer is talking about. */
    void moveTo(CustomerSession s, String step, Map<String, String> data) {
        Map<String, String> next = new HashMap<>(data);
        s.current().ifPresent(current -> next.putIfAbsent("current", String.valueOf(current.value())));
        if (IDLE.equals(step) && next.isEmpty()) {
            conversations.finish(s.key());
        } else {
            conversations.moveTo(s.key(), step, next);
        }
    }

    /** The same step, now talking about this ticket. */
    void setCurrent(CustomerSession s, TicketNumber number) {
        Map<String, String> data = new HashMap<>(s.data());
        data.put("current", String.valueOf(number.value()));
        conversations.moveTo(s.key(), s.step(), data);
    }

    /** The customer is at no step, talking about this ticket. */
    void stayOn(CustomerSession s, TicketNumber number) {
        conversations.moveTo(s.key(), IDLE, Map.of("current", String.valueOf(number.value())));
    }
}
