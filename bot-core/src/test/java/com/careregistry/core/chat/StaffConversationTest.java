package com.careregistry.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.canned.ManageCannedAnswers;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.staff.StaffThreads;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** A3 without a database: agents answer in a ticket's staff thread or by a private reply, and Claim or Resolve it. */
class StaffConversationTest {

    static final ChatAddress THREAD = ChatAddress.of(Channel.TELEGRAM, "-100500").inThread("42");
    static final ChatAddress BOBS_CHAT = ChatAddress.of(Channel.TELEGRAM, "bob");
    static final TicketNumber T1001 = new TicketNumber(1001);
    static final String NOT_AN_AGENT =
            "Only messages of linked agents reach the customer. Ask an admin to accept your /agent request.";

    final ManageAgents agents = mock(ManageAgents.class);
    final StaffThreads threads = mock(StaffThreads.class);
    final TicketQueries queries = mock(TicketQueries.class);
    final PostAgentMessage postMessage = mock(PostAgentMessage.class);
    final AssignAgent assignAgent = mock(AssignAgent.class);
    final ResolveTicket resolveTicket = mock(ResolveTicket.class);
    final ManageCannedAnswers cannedAnswers = mock(ManageCannedAnswers.class);
    final CustomerDirectory customers = mock(CustomerDirectory.class);
    final Outbox outbox = mock(Outbox.class);
    final Texts texts = FlowFixtures.texts();
    final StaffConversation staff =
            new StaffConversation(agents, threads, queries, postMessage, assignAgent, resolveTicket, cannedAnswers, customers,
                    mock(com.careregistry.core.ticket.EditAgentMessage.class), outbox,
                    texts);
    final Agent bob = mock(Agent.class);
    final ChatInput answer = ChatInput.of(Channel.TELEGRAM, "Hold the power button for ten seconds", List.of(), "-100500:9");

    @BeforeEach
    void bobIsAnActiveAgentAndEveIsNot() {
        when(bob.id()).thenReturn(11L);
        when(agents.agentBehind(Channel.TELEGRAM, "bob")).thenReturn(Optional.of(bob));
        when(agents.agentBehind(Channel.TELEGRAM, "eve")).thenReturn(Optional.empty());
        when(queries.numberOf(77L)).thenReturn(T1001);
    }

    @Test
    void aLinkedAgentsMessageInATicketsThreadGoesToThatTicket() {
        when(threads.ticketIn(THREAD)).thenReturn(Optional.of(77L));
        staff.onThreadMessage(THREAD, "bob", answer);
        assertThat(posted()).isEqualTo(new PostAgentMessage.Command(11L, T1001, answer.content()));
        verify(outbox, never()).toChat(any(), anyString());
    }

    @Test
    void someoneNotLinkedIsToldSoAndNothingReachesTheCustomer() {
        when(threads.ticketIn(THREAD)).thenReturn(Optional.of(77L));
        staff.onThreadMessage(THREAD, "eve", answer);
        verify(outbox).toChat(THREAD, NOT_AN_AGENT);
        verify(postMessage, never()).post(any());
    }

    @Test
    void commandsEmptyMessagesAndThreadsOfNoTicketAreIgnored() {
        staff.onThreadMessage(THREAD, "bob", ChatInput.of(Channel.TELEGRAM, "/claim", List.of(), "-100500:10"));
        staff.onThreadMessage(THREAD, "bob", ChatInput.of(Channel.TELEGRAM, "  ", List.of(), "-100500:11"));
        verifyNoInteractions(threads);

        staff.onThreadMessage(THREAD.inThread("1"), "eve", answer);   // the group's general topic
        verify(agents, never()).agentBehind(any(), any());   // so not even told they are no agent
        verifyNoInteractions(postMessage, outbox);
    }

    @Test
    void anAgentsPrivateReplyToOurMessageAboutATicketGoesToThatTicket() {
        when(outbox.ticketOfSent(BOBS_CHAT, "msg-5")).thenReturn(Optional.of(77L));
        ChatInput reply = ChatInput.of(Channel.TELEGRAM, "On it", List.of(), "bob:12");
        assertThat(staff.onReplyTo(BOBS_CHAT, "bob", "msg-5", reply)).isTrue();
        assertThat(posted()).isEqualTo(new PostAgentMessage.Command(11L, T1001, reply.content()));
    }

    @Test
    void anAgentReplyingToANoticeAboutTheirOwnTicketAsACustomerWritesAsTheCustomer() {
        Customer bobAsCustomer = mock(Customer.class);
        when(bobAsCustomer.id()).thenReturn(5L);
        when(customers.find(Channel.TELEGRAM, "bob")).thenReturn(Optional.of(bobAsCustomer));
        when(outbox.ticketOfSent(BOBS_CHAT, "msg-9")).thenReturn(Optional.of(78L));
        when(queries.customerOf(78L)).thenReturn(Optional.of(5L));
        ChatInput reply = ChatInput.of(Channel.TELEGRAM, "Still broken", List.of(), "bob:14");
        assertThat(staff.onReplyTo(BOBS_CHAT, "bob", "msg-9", reply)).as("left to the customer conversation").isFalse();
        verifyNoInteractions(postMessage);

        when(outbox.ticketOfSent(BOBS_CHAT, "msg-5")).thenReturn(Optional.of(77L));
        when(queries.customerOf(77L)).thenReturn(Optional.of(6L));   // another customer's ticket: Bob answers it as the agent
        assertThat(staff.onReplyTo(BOBS_CHAT, "bob", "msg-5", reply)).isTrue();
    }

    @Test
    void anyOtherPrivateMessageIsLeftToTheCustomerConversation() {
        when(outbox.ticketOfSent(BOBS_CHAT, "msg-5")).thenReturn(Optional.of(77L));
        ChatInput reply = ChatInput.of(Channel.TELEGRAM, "On it", List.of(), "bob:12");
        assertThat(staff.onReplyTo(BOBS_CHAT, "bob", null, reply)).as("no reply").isFalse();
        assertThat(staff.onReplyTo(BOBS_CHAT, "bob", "msg-5", ChatInput.of(Channel.TELEGRAM, "/tickets", List.of(), "bob:13")))
                .as("a command").isFalse();
        assertThat(staff.onReplyTo(BOBS_CHAT, "bob", "msg-6", reply)).as("our message about no ticket").isFalse();
        assertThat(staff.onReplyTo(ChatAddress.of(Channel.TELEGRAM, "eve"), "eve", "msg-5", reply)).as("a customer").isFalse();
        verifyNoInteractions(postMessage);
        verify(outbox, never()).toChat(any(), anyString());
    }

    @Test
    void claimAndResolveActForTheAgentWhoPressedThem() {
        assertThat(staff.onButton(Channel.TELEGRAM, "bob", THREAD, "claim:1001")).isTrue();
        verify(assignAgent).claim(T1001, 11L);
        assertThat(staff.onButton(Channel.TELEGRAM, "bob", THREAD, "resolve:1001")).isTrue();
        verify(resolveTicket).resolve(T1001, 11L);
        verify(outbox, never()).toChat(any(), anyString());
    }

    @Test
    void someoneNotLinkedIsRefusedAndOtherButtonsAreNoStaffButtons() {
        assertThat(staff.onButton(Channel.TELEGRAM, "eve", THREAD, "claim:1001")).isTrue();
        verify(outbox).toChat(THREAD, NOT_AN_AGENT);
        assertThat(staff.onButton(Channel.TELEGRAM, "bob", THREAD, "close-yes:1001")).isFalse();
        assertThat(staff.onButton(Channel.TELEGRAM, "bob", THREAD, "claim:abc")).isFalse();
        verifyNoInteractions(assignAgent, resolveTicket);
    }

    @Test
    void aRefusedClaimReachesTheAgentWithItsReason() {
        doThrow(new DomainException("ticket.claim.taken", "#1001")).when(assignAgent).claim(T1001, 11L);
        assertThatThrownBy(() -> staff.onButton(Channel.TELEGRAM, "bob", THREAD, "claim:1001"))
                .isInstanceOfSatisfying(DomainException.class, refused -> assertThat(texts.explain("en", refused))
                        .isEqualTo("Ticket #1001 is already assigned to another agent."));
        verifyNoInteractions(resolveTicket);
    }

    private PostAgentMessage.Command posted() {
        ArgumentCaptor<PostAgentMessage.Command> command = ArgumentCaptor.forClass(PostAgentMessage.Command.class);
        verify(postMessage).post(command.capture());
        return command.getValue();
    }
}
