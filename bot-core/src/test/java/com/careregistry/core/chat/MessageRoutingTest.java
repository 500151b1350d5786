package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.CHOOSE_TICKET;
import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.FlowFixtures.CUSTOMER_ID;
import static com.careregistry.core.chat.FlowFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.TicketMessage;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import com.careregistry.core.ticket.TicketStatus;
import com.careregistry.core.ticket.TicketSummary;
import com.careregistry.core.topic.CustomerTopics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Where a message written outside any flow goes (C3), without a database: the flow alone. */
class MessageRoutingTest {

    final CustomerSessions sessions = mock(CustomerSessions.class);
    final PostCustomerMessage post = mock(PostCustomerMessage.class);
    final TicketQueries queries = mock(TicketQueries.class);
    final NewTicketFlow newTicket = mock(NewTicketFlow.class);
    final Outbox outbox = mock(Outbox.class);
    final CustomerTopics topics = mock(CustomerTopics.class);
    final MessageRouting routing = new MessageRouting(sessions, post, queries, newTicket, topics, outbox, FlowFixtures.texts());
    final ChatAddress secondTopic = new ChatAddress(Channel.TELEGRAM, "chat-ann", "77");
    final ChatInput hello = ChatInput.of(Channel.TELEGRAM, "Any news?", List.of(), "chat-ann:5");

    @Test
    void aMessageInATicketsTopicGoesToThatTicketWhateverTheyTalkedAbout() {
        CustomerSession s = at(IDLE, Map.of("current", "1001"));
        when(topics.ticketIn(secondTopic)).thenReturn(Optional.of(new TicketNumber(1002)));
        when(post.postUnlessClosed(any())).thenReturn(Optional.of(mock(TicketMessage.class)));

        assertThat(routing.inTopic(s, secondTopic, hello)).isTrue();

        ArgumentCaptor<PostCustomerMessage.Command> posted = ArgumentCaptor.forClass(PostCustomerMessage.Command.class);
        verify(post).postUnlessClosed(posted.capture());
        assertThat(posted.getValue().number()).isEqualTo(new TicketNumber(1002));
        verify(sessions).stayOn(s, new TicketNumber(1002));
        verify(queries, never()).myOpenTickets(CUSTOMER_ID);
    }

    @Test
    void aTopicLeavesToTheConversationACommandAStepOfAFlowAndAClosedTicket() {
        when(topics.ticketIn(secondTopic)).thenReturn(Optional.of(new TicketNumber(1002)));
        assertThat(routing.inTopic(at(IDLE, Map.of()), secondTopic, ChatInput.of(Channel.TELEGRAM, "/new", List.of(), "chat-ann:6")))
                .isFalse();
        assertThat(routing.inTopic(at(CustomerSession.Steps.RATE_COMMENT, Map.of()), secondTopic, hello)).as("a rating's comment waits").isFalse();
        when(post.postUnlessClosed(any())).thenReturn(Optional.empty());
        assertThat(routing.inTopic(at(IDLE, Map.of()), secondTopic, hello)).as("closed").isFalse();
        verify(sessions, never()).stayOn(any(), any());
    }

    @Test
    void theTicketTheyTalkAboutTakesItWhileItIsOpen() {
        CustomerSession s = at(IDLE, Map.of("current", "1001"));
        when(post.postUnlessClosed(any())).thenReturn(Optional.of(mock(TicketMessage.class)));

        routing.toCurrentTicket(s, hello);

        verify(sessions).stayOn(s, new TicketNumber(1001));
        verify(queries, never()).myOpenTickets(CUSTOMER_ID);
    }

    @Test
    void withoutOneTheirOnlyOpenTicketTakesIt() {
        CustomerSession s = at(IDLE, Map.of());
        when(queries.myOpenTickets(CUSTOMER_ID)).thenReturn(List.of(summary(1002)));

        routing.toCurrentTicket(s, hello);

        ArgumentCaptor<PostCustomerMessage.Command> posted = ArgumentCaptor.forClass(PostCustomerMessage.Command.class);
        verify(post).post(posted.capture());
        assertThat(posted.getValue().number()).isEqualTo(new TicketNumber(1002));
        assertThat(posted.getValue().content().text()).isEqualTo("Any news?");
        verify(sessions).stayOn(s, new TicketNumber(1002));
    }

    @Test
    void withSeveralOpenTheyChooseAndTheMessageIsKeptMeanwhile() {
        CustomerSession s = at(IDLE, Map.of("current", "1001"));   // closed since: postUnlessClosed says no
        when(post.postUnlessClosed(any())).thenReturn(Optional.empty());
        when(queries.myOpenTickets(CUSTOMER_ID)).thenReturn(List.of(summary(1002), summary(1003)));

        routing.toCurrentTicket(s, hello);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, String>> kept = ArgumentCaptor.forClass(Map.class);
        verify(sessions).moveTo(eq(s), eq(CHOOSE_TICKET), kept.capture());
        assertThat(kept.getValue()).containsEntry("text", "Any news?").containsEntry("mid", "chat-ann:5");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<MessageAction>> buttons = ArgumentCaptor.forClass(List.class);
        verify(outbox).toChat(eq(FlowFixtures.ANN.privateChat()), eq("Which ticket is this message about?"), buttons.capture());
        assertThat(buttons.getValue()).extracting(MessageAction::id).containsExactly("pick:1002", "pick:1003");
        verify(post, never()).post(any());
    }

    @Test
    void withNoneOpenANewTicketIsOffered() {
        CustomerSession s = at(IDLE, Map.of());
        when(queries.myOpenTickets(CUSTOMER_ID)).thenReturn(List.of());

        routing.toCurrentTicket(s, hello);

        verify(newTicket).offer(s, hello);
        verify(post, never()).post(any());
    }

    @Test
    void theChosenTicketGetsTheKeptMessageAndAStaleChoiceIsRefused() {
        CustomerSession choosing = at(CHOOSE_TICKET, Map.of("pending", "1", "text", "Any news?", "mid", "chat-ann:5"));
        routing.postPending(choosing, new TicketNumber(1003));
        ArgumentCaptor<PostCustomerMessage.Command> posted = ArgumentCaptor.forClass(PostCustomerMessage.Command.class);
        verify(post).post(posted.capture());
        assertThat(posted.getValue().content().text()).isEqualTo("Any news?");
        assertThat(posted.getValue().content().externalMessageId()).isEqualTo("chat-ann:5");

        routing.postPending(at(IDLE, Map.of()), new TicketNumber(1003));
        verify(outbox).toChat(FlowFixtures.ANN.privateChat(), "This button no longer works.");
        verify(outbox, never()).toChat(eq(FlowFixtures.ANN.privateChat()), eq("Which ticket is this message about?"), anyList());
    }

    private static TicketSummary summary(long number) {
        return new TicketSummary((long) number, number, "Subject " + number, TicketStatus.OPEN, null, Instant.EPOCH, Instant.EPOCH);
    }
}
