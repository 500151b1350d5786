package com.careregistry.telegram;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.chat.ChatInput;
import com.careregistry.core.chat.CustomerConversation;
import com.careregistry.core.chat.Replies;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.staff.StaffThreads;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Agents in Telegram: messages in a ticket's forum topic of the staff supergroup, replies to a
 * tagged message in their private chat (when there is no staff group), and the Claim and Resolve
 * buttons. Only users linked to an active agent speak to customers; anyone else is told so.
 */
@Component
@Conditional(TelegramAdapter.Enabled.class)
class StaffConversation {

    private static final Pattern TAG = Pattern.compile("^#(\\d{1,18})\\b");

    private final ManageAgents agents;
    private final StaffThreads threads;
    private final TicketQueries queries;
    private final PostAgentMessage postMessage;
    private final AssignAgent assignAgent;
    private final ResolveTicket resolveTicket;
    private final Replies replies;

    StaffConversation(ManageAgents agents, StaffThreads threads, TicketQueries queries, PostAgentMessage postMessage,
                      AssignAgent assignAgent, ResolveTicket resolveTicket, Outbox outbox, Texts texts) {
        this.agents = agents;
        this.threads = threads;
        this.queries = queries;
        this.postMessage = postMessage;
        this.assignAgent = assignAgent;
        this.resolveTicket = resolveTicket;
        this.replies = new Replies(outbox, texts);
    }

    Optional<Agent> agentBehind(User user) {
        return agents.agentBehind(Channel.TELEGRAM, String.valueOf(user.getId()));
    }

    /** A message in the staff group: in a ticket's topic from an agent, it goes to the customer. */
    void onGroupMessage(Message message, ChatInput incoming) {
        if (message.getFrom() == null || Boolean.TRUE.equals(message.getFrom().getIsBot()) || incoming.isEmpty()
                || message.getMessageThreadId() == null || incoming.isCommand()) {
            return;
        }
        ChatAddress topic = new ChatAddress(Channel.TELEGRAM, String.valueOf(message.getChatId()),
                String.valueOf(message.getMessageThreadId()));
        Optional<Long> ticketId = threads.ticketIn(topic);
        if (ticketId.isEmpty()) {
            return;
        }
        Optional<Agent> agent = agentBehind(message.getFrom());
        if (agent.isEmpty()) {
            replies.send(topic, "en", "staff.not-an-agent");
            return;
        }
        postMessage.post(new PostAgentMessage.Command(agent.get().id(), queries.numberOf(ticketId.get()), incoming.content()));
    }

    /**
     * An agent answering in their private chat by replying to a message tagged {@code #N}; false when
     * the message is not that (then it is the agent's own message as a customer).
     */
    boolean onPrivateReply(Message message, ChatInput incoming) {
        Message repliedTo = message.getReplyToMessage();
        if (repliedTo == null || repliedTo.getFrom() == null || !Boolean.TRUE.equals(repliedTo.getFrom().getIsBot())
                || incoming.isCommand()) {
            return false;
        }
        String repliedText = repliedTo.hasText() ? repliedTo.getText() : repliedTo.getCaption();
        Matcher tag = TAG.matcher(repliedText == null ? "" : repliedText);
        Optional<Agent> agent = agentBehind(message.getFrom());
        if (!tag.find() || agent.isEmpty()) {
            return false;
        }
        postMessage.post(new PostAgentMessage.Command(agent.get().id(), TicketNumber.parse(tag.group(1)), incoming.content()));
        return true;
    }

    /** Claim or Resolve pressed on a ticket's card; false when the button is no staff button. */
    boolean onButton(User from, ChatAddress where, String data) {
        String[] parts = data.split(":");
        if (parts.length != 2 || !(parts[0].equals("claim") || parts[0].equals("resolve"))) {
            return false;
        }
        Optional<Agent> agent = agentBehind(from);
        if (agent.isEmpty()) {
            replies.send(where, "en", "staff.not-an-agent");
            return true;
        }
        TicketNumber number = TicketNumber.parse(parts[1]);
        if (parts[0].equals("claim")) {
            assignAgent.claim(number, agent.get().id());
        } else {
            resolveTicket.resolve(number, agent.get().id());
        }
        return true;
    }
}
