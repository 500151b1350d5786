package com.careregistry.core.chat;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.canned.CannedAnswerView;
import com.careregistry.core.canned.ManageCannedAnswers;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAction.Claim;
import com.careregistry.core.common.ChatAction.StaffAction;
import com.careregistry.core.common.ChatAction;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.staff.StaffThreads;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.EditAgentMessage;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Agents in staff chat, on any platform: messages in a ticket's staff thread, replies to one of
 * our messages about a ticket in their private chat (where there is no staff group), and the Claim
 * and Resolve buttons. Only chat accounts linked to an active agent speak to customers; anyone
 * else is told so.
 */
@Component
public class StaffConversation {

    private final ManageAgents agents;
    private final StaffThreads threads;
    private final TicketQueries queries;
    private final PostAgentMessage postMessage;
    private final AssignAgent assignAgent;
    private final ResolveTicket resolveTicket;
    private final ManageCannedAnswers cannedAnswers;
    private final CustomerDirectory customers;
    private final Replies replies;
    private final Outbox outbox;
    private final EditAgentMessage editAgentMessage;

    StaffConversation(ManageAgents agents, StaffThreads threads, TicketQueries queries, PostAgentMessage postMessage,
                      AssignAgent assignAgent, ResolveTicket resolveTicket, ManageCannedAnswers cannedAnswers,
                      CustomerDirectory customers, EditAgentMessage editAgentMessage, Outbox outbox, Texts texts) {
        this.editAgentMessage = editAgentMessage;
        this.customers = customers;
        this.cannedAnswers = cannedAnswers;
        this.agents = agents;
        this.threads = threads;
        this.queries = queries;
        this.postMessage = postMessage;
        this.assignAgent = assignAgent;
        this.resolveTicket = resolveTicket;
        this.replies = new Replies(outbox, texts);
        this.outbox = outbox;
    }

    /**
     * An agent edited a message they wrote in a ticket's staff thread: the ticket's history keeps both
     * versions and the customer's copy is edited too. Edits of anything else (notes, commands, other
     * people's messages) change nothing.
     */
    public void onThreadEdit(ChatAddress thread, String externalUserId, ChatInput edited) {
        if (edited.text() == null || edited.text().isBlank() || edited.externalMessageId() == null || threads.ticketIn(thread).isEmpty()) {
            return;
        }
        agents.agentBehind(thread.channel(), externalUserId)
                .ifPresent(agent -> editAgentMessage.edit(agent.id(), thread.channel(), edited.externalMessageId(), edited.text()));
    }

    /**
     * A message in a staff thread: from an agent, it goes to the ticket's customer; {@code /canned
     * name} sends that canned answer, filled in, and {@code /canned} alone lists them; {@code /away} and
     * {@code /back} say whether auto-assignment may give the agent tickets. Other commands are staff
     * talking among themselves.
     */
    public void onThreadMessage(ChatAddress thread, String externalUserId, ChatInput input) {
        Optional<CommandText> command = CommandText.parse(input.text());
        Optional<CommandText> canned = command.filter(c -> c.name().equals("canned"));
        Optional<Boolean> away = command.filter(c -> c.name().equals("away") || c.name().equals("back")).map(c -> c.name().equals("away"));
        if (input.isEmpty() || input.isCommand() && canned.isEmpty() && away.isEmpty()) {
            return;
        }
        Optional<Long> ticketId = threads.ticketIn(thread);
        if (ticketId.isEmpty()) {
            return;
        }
        Optional<Agent> agent = agents.agentBehind(thread.channel(), externalUserId);
        if (agent.isEmpty()) {
            replies.send(thread, "en", "staff.not-an-agent");
            return;
        }
        if (away.isPresent()) {   // /away, /back: whether auto-assignment gives them tickets
            agents.away(agent.get().id(), away.get());
            replies.send(thread, agent.get().language(), away.get() ? "staff.away" : "staff.back");
            return;
        }
        TicketNumber number = queries.numberOf(ticketId.get());
        if (canned.isPresent() && canned.get().argument().isEmpty()) {
            List<String> names = cannedAnswers.sendableBy(agent.get().id()).stream().map(CannedAnswerView::name).toList();
            replies.send(thread, "en", names.isEmpty() ? "staff.canned.none" : "staff.canned.list", String.join(", ", names));
            return;
        }
        MessageContent content = canned.isPresent()
                ? MessageContent.text(cannedAnswers.render(canned.get().argument(), number, agent.get().id()), thread.channel(), null)
                : input.content();
        postMessage.post(new PostAgentMessage.Command(agent.get().id(), number, content));
    }

    /**
     * An agent answering in their private chat by replying to one of our messages about a ticket
     * (the message they replied to, by its id in that chat, names the ticket); false when it is not
     * that, or the ticket is their own as a customer (then it is a customer's message).
     */
    public boolean onReplyTo(ChatAddress chat, String externalUserId, String repliedMessageId, ChatInput input) {
        if (input.isCommand() || repliedMessageId == null) {
            return false;
        }
        Optional<Agent> agent = agents.agentBehind(chat.channel(), externalUserId);
        if (agent.isEmpty()) {
            return false;
        }
        Optional<Long> ticketId = outbox.ticketOfSent(chat, repliedMessageId);
        Optional<Long> asCustomer = customers.find(chat.channel(), externalUserId).map(Customer::id);
        if (ticketId.isEmpty() || asCustomer.isPresent() && asCustomer.equals(queries.customerOf(ticketId.get()))) {
            return false;   // no ticket, or their own ticket as a customer: what they write is theirs as the customer
        }
        postMessage.post(new PostAgentMessage.Command(agent.get().id(), queries.numberOf(ticketId.get()), input.content()));
        return true;
    }

    /** Claim or Resolve pressed on a ticket's card; false when the button is no staff button. */
    public boolean onButton(Channel channel, String externalUserId, ChatAddress where, String data) {
        Optional<StaffAction> action = ChatAction.read(data).filter(StaffAction.class::isInstance).map(StaffAction.class::cast);
        if (action.isEmpty()) {
            return false;
        }
        Optional<Agent> agent = agents.agentBehind(channel, externalUserId);
        if (agent.isEmpty()) {
            replies.send(where, "en", "staff.not-an-agent");
            return true;
        }
        TicketNumber number = new TicketNumber(action.get().ticket());
        if (action.get() instanceof Claim) {
            assignAgent.claim(number, agent.get().id());
        } else {
            resolveTicket.resolve(number, agent.get().id());
        }
        return true;
    }
}
