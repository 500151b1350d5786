package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.FlowFixtures.ANN;
import static com.careregistry.core.chat.FlowFixtures.CUSTOMER_ID;
import static com.careregistry.core.chat.FlowFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.notification.Transcripts;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.ticket.AuthorType;
import com.careregistry.core.ticket.CloseTicket;
import com.careregistry.core.ticket.MessageView;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import com.careregistry.core.ticket.TicketStatus;
import com.careregistry.core.ticket.TicketSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** C3, C5, C7 and the report's cases 17–21 without a database: /tickets, a ticket in full, Reply, /close and its answer. */
class TicketBrowsingTest {

    static final TicketNumber T1001 = new TicketNumber(1001);
    static final TicketNumber T1002 = new TicketNumber(1002);
    static final Instant OPENED = Instant.parse("2026-03-01T12:00:00Z");

    final CustomerSessions sessions = mock(CustomerSessions.class);
    final TicketQueries queries = mock(TicketQueries.class);
    final CloseTicket closeTicket = mock(CloseTicket.class);
    final Outbox outbox = mock(Outbox.class);
    final TicketBrowsing browsing = new TicketBrowsing(sessions, queries, closeTicket, mock(Transcripts.class), outbox, FlowFixtures.texts());
    final CustomerSession idle = at(IDLE, Map.of());

    @Test
    void theListSaysWhenThereAreNoTicketsElseShowsEachStatusAndAgent() {
        when(queries.myTickets(CUSTOMER_ID)).thenReturn(List.of());
        browsing.list(idle);
        verify(outbox).toChat(ANN.privateChat(), "You are yet to raise a ticket");

        when(queries.myTickets(CUSTOMER_ID)).thenReturn(List.of(summary(1001, "Phone is dead", TicketStatus.OPEN, null),
                summary(1002, "Refund", TicketStatus.ASSIGNED, "Bob")));
        browsing.list(idle);
        assertThat(buttonsWith("Your tickets:\n#1001 · Phone is dead · Open · Agent: N/A\n"
                + "#1002 · Refund · Assigned · Agent: Bob"))
                .containsExactly(new MessageAction("show:1001", "#1001 · Phone is dead"),
                        new MessageAction("show:1002", "#1002 · Refund"));
    }

    @Test
    void aTicketShownInFullBecomesTheOneTheyTalkAbout() {
        when(queries.detailsForCustomer(CUSTOMER_ID, T1001)).thenReturn(details(TicketStatus.ASSIGNED, "Bob", List.of(
                message(AuthorType.CUSTOMER, null, null, "Any news?"),
                message(AuthorType.AGENT, 11L, "Bob", "Hold the power button for ten seconds"))));
        browsing.show(idle, T1001);
        verify(sessions).setCurrent(idle, T1001);
        ArgumentCaptor<String> text = ArgumentCaptor.forClass(String.class);
        verify(outbox).toChat(eq(ANN.privateChat()), text.capture(), eq(List.of(
                new MessageAction("reply:1001", "Reply"), new MessageAction("close:1001", "Close ticket"))));
        // the time in UTC, whatever the time zone of the process (the text says UTC)
        assertThat(text.getValue()).isEqualTo("Ticket #1001 · Phone is dead\nStatus: Assigned\nCategory: Devices\nAgent: Bob\n"
                + "Opened: 2026-03-01 12:00 UTC\n\nYour query:\nMy phone is not turning on\n\n"
                + "Latest messages:\nYou: Any news?\nBob: Hold the power button for ten seconds");
    }

    @Test
    void aClosedTicketIsShownWithoutReplyOrCloseAndWithoutAnAgentAsNA() {
        when(queries.detailsForCustomer(CUSTOMER_ID, T1001)).thenReturn(details(TicketStatus.CLOSED, null, List.of()));
        browsing.show(idle, T1001);
        ArgumentCaptor<String> text = ArgumentCaptor.forClass(String.class);
        verify(outbox).toChat(eq(ANN.privateChat()), text.capture(), eq(List.of()));
        assertThat(text.getValue()).contains("Status: Closed\n", "Agent: N/A\n").doesNotContain("Latest messages:");
    }

    @Test
    void replyMakesTheTicketTheOneWhatTheyWriteNextGoesTo() {
        when(queries.detailsForCustomer(CUSTOMER_ID, T1001)).thenReturn(details(TicketStatus.RESOLVED, "Bob", List.of()));
        browsing.replyTo(idle, T1001);
        verify(sessions).setCurrent(idle, T1001);
        verify(outbox).toChat(ANN.privateChat(), "Write your message for ticket #1001.");
    }

    @Test
    void anotherCustomersTicketIsRefusedBeforeAnythingChanges() {
        TicketNumber theirs = new TicketNumber(1009);
        NotFoundException notFound = new NotFoundException("ticket.not-found", "#1009");
        when(queries.detailsForCustomer(CUSTOMER_ID, theirs)).thenThrow(notFound);
        assertThatThrownBy(() -> browsing.show(idle, theirs)).isSameAs(notFound);
        assertThatThrownBy(() -> browsing.replyTo(idle, theirs)).isSameAs(notFound);
        assertThatThrownBy(() -> browsing.askToClose(idle, "1009")).isSameAs(notFound);
        verifyNoInteractions(sessions, outbox, closeTicket);
    }

    @Test
    void closeWithANumberConfirmsThatTicketFirst() {
        browsing.askToClose(idle, "#1002");
        verify(queries).detailsForCustomer(CUSTOMER_ID, T1002);
        assertThat(buttonsWith("Do you really want to close ticket #1002?")).containsExactly(
                new MessageAction("close-yes:1002", "Yes, close it"), new MessageAction("close-no:1002", "No, keep it open"));
        verify(queries, never()).myOpenTickets(any());
        verify(closeTicket, never()).byCustomer(any(), any());
    }

    @Test
    void closeWithoutANumberTakesTheOnlyOpenTicketOrSaysThereIsNone() {
        when(queries.myOpenTickets(CUSTOMER_ID)).thenReturn(List.of());
        browsing.askToClose(idle, "");
        verify(outbox).toChat(ANN.privateChat(), "You have no open ticket to close.");

        when(queries.myOpenTickets(CUSTOMER_ID)).thenReturn(List.of(summary(1002, "Refund", TicketStatus.OPEN, null)));
        browsing.askToClose(idle, "");
        assertThat(buttonsWith("Do you really want to close ticket #1002?")).extracting(MessageAction::id)
                .containsExactly("close-yes:1002", "close-no:1002");
    }

    @Test
    void withSeveralOpenTheTicketTheyTalkAboutIsConfirmedElseTheyChoose() {
        when(queries.myOpenTickets(CUSTOMER_ID)).thenReturn(List.of(summary(1002, "Refund", TicketStatus.OPEN, null),
                summary(1003, "Late parcel", TicketStatus.ASSIGNED, "Bob")));
        browsing.askToClose(at(IDLE, Map.of("current", "1003")), null);
        assertThat(buttonsWith("Do you really want to close ticket #1003?")).extracting(MessageAction::id)
                .containsExactly("close-yes:1003", "close-no:1003");

        browsing.askToClose(at(IDLE, Map.of("current", "1001")), "");   // 1001 is closed since
        assertThat(buttonsWith("Which ticket do you want to close?")).containsExactly(
                new MessageAction("close:1002", "#1002 · Refund"), new MessageAction("close:1003", "#1003 · Late parcel"));
    }

    @Test
    void yesClosesTheTicketAndNoKeepsItOpen() {
        browsing.answerClose(idle, T1001, true);
        verify(closeTicket).byCustomer(CUSTOMER_ID, T1001);
        verify(outbox, never()).toChat(any(), anyString());   // the closing itself tells them (customer.ticket-closed)

        browsing.answerClose(idle, T1002, false);
        verify(closeTicket, never()).byCustomer(CUSTOMER_ID, T1002);
        verify(outbox).toChat(ANN.privateChat(), "All right, ticket #1002 stays open.");
    }

    @Test
    void anOldReplyButtonOfATicketClosedSinceIsRefused() {
        when(queries.detailsForCustomer(CUSTOMER_ID, T1001)).thenReturn(details(TicketStatus.CLOSED, "Bob", List.of()));
        assertThatThrownBy(() -> browsing.replyTo(idle, T1001))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.textKey()).isEqualTo("ticket.closed"));
        verify(sessions, never()).setCurrent(idle, T1001);
    }

    @Test
    void anEarlierAgentsMessageIsNotSignedWithTheNameOfTheAgentAssignedNow() {
        MessageView bobs = message(AuthorType.AGENT, 11L, "Bob", "Hold the power button for ten seconds");
        when(queries.detailsForCustomer(CUSTOMER_ID, T1001)).thenReturn(new TicketDetails(1L, T1001, "Phone is dead",
                "My phone is not turning on", TicketStatus.ASSIGNED, "Devices", "Carol", OPENED, null, List.of(bobs), 4L, 12L,
                CUSTOMER_ID, "Ann", Channel.TELEGRAM, null));
        browsing.show(idle, T1001);
        ArgumentCaptor<String> text = ArgumentCaptor.forClass(String.class);
        verify(outbox).toChat(eq(ANN.privateChat()), text.capture(), any());
        assertThat(text.getValue()).contains("Agent: Carol\n").contains("\nBob: Hold the power button")
                .doesNotContain("Carol: Hold the power button");
    }

    @SuppressWarnings("unchecked")
    private List<MessageAction> buttonsWith(String text) {
        ArgumentCaptor<List<MessageAction>> buttons = ArgumentCaptor.forClass(List.class);
        verify(outbox).toChat(eq(ANN.privateChat()), eq(text), buttons.capture());
        return buttons.getValue();
    }

    private static TicketSummary summary(long number, String subject, TicketStatus status, String agent) {
        return new TicketSummary(number - 1000, number, subject, status, agent, OPENED, OPENED);
    }

    private static TicketDetails details(TicketStatus status, String agent, List<MessageView> lastMessages) {
        return new TicketDetails(1L, T1001, "Phone is dead", "My phone is not turning on", status, "Devices", agent, OPENED, null,
                lastMessages, 4L, agent == null ? null : 11L, CUSTOMER_ID, "Ann", Channel.TELEGRAM, null);
    }

    private static MessageView message(AuthorType author, Long agentId, String authorName, String body) {
        return new MessageView(body.length(), author, agentId, authorName, body, List.of(), Channel.TELEGRAM, OPENED, null);
    }
}
