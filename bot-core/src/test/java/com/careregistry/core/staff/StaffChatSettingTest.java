package com.careregistry.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.CoreTestApplication;
import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.Ticket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * CCR_STAFF_CHAT=discord with no Discord staff group: a Telegram customer's ticket is worked on by
 * agents in their private Discord chats, tagged with the ticket's number; nothing goes to Telegram staff.
 */
@TestPropertySource(properties = "careregistry.staff-chat=DISCORD")
class StaffChatSettingTest extends CoreTest {

    @Autowired
    AssignAgent assignAgent;
    @Autowired
    PostCustomerMessage postCustomerMessage;

    @Test
    void agentsWorkWhereTheSettingSaysTaggedWithTheNumber() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        manageAgents.linkChatIdentity(maria.id(), new ChatUser(Channel.DISCORD, "dc-maria", "dm-maria", "Maria", "en"));
        Ticket ticket = open(ann, "Help");
        assignAgent.assign(ticket.number(), maria.id());
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(),
                MessageContent.text("Are you there?", Channel.TELEGRAM, null)));

        List<String> toMaria = outboxBodiesTo("dm-maria");
        assertThat(toMaria).hasSize(2);
        assertThat(toMaria.get(0)).startsWith(ticket.number() + " · Help");
        assertThat(toMaria.get(1)).isEqualTo(ticket.number() + " · Ann:\nAre you there?");
        assertThat(outboxBodiesTo(CoreTestApplication.TELEGRAM_STAFF_GROUP)).isEmpty();
        assertThat(outboxBodiesTo("chat-Ann")).containsExactly("Agent Maria is now handling your ticket " + ticket.number() + ".");
    }
}
