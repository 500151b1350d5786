package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.ARTICLES;
import static com.careregistry.core.chat.CustomerSession.Steps.CHOOSE_TICKET;
import static com.careregistry.core.chat.CustomerSession.Steps.EMAIL_ADDRESS;
import static com.careregistry.core.chat.CustomerSession.Steps.EMAIL_CODE;
import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.CustomerSession.Steps.NEW_CATEGORY;
import static com.careregistry.core.chat.CustomerSession.Steps.NEW_DESCRIBE;
import static com.careregistry.core.chat.CustomerSession.Steps.OFFER_NEW;
import static com.careregistry.core.chat.CustomerSession.Steps.RATE_COMMENT;
import static com.careregistry.core.chat.FlowFixtures.ANN;
import static com.careregistry.core.chat.FlowFixtures.CUSTOMER_ID;
import static com.careregistry.core.chat.FlowFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.careregistry.core.agent.JoinRequestDesk;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.EditCustomerMessage;
import com.careregistry.core.ticket.TicketNumber;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** C1–C9 in the private chat without a database: each command, button and step reaches the flow or use case that owns it. */
class CustomerConversationTest {

    static final TicketNumber T1001 = new TicketNumber(1001);
    static final String STALE = "This button no longer works.";

    final CustomerSessions sessions = mock(CustomerSessions.class);
    final CustomerDirectory customers = mock(CustomerDirectory.class);
    final EditCustomerMessage editMessage = mock(EditCustomerMessage.class);
    final JoinRequestDesk joinRequests = mock(JoinRequestDesk.class);
    final NewTicketFlow newTicket = mock(NewTicketFlow.class);
    final MessageRouting routing = mock(MessageRouting.class);
    final TicketBrowsing browsing = mock(TicketBrowsing.class);
    final EmailFlow email = mock(EmailFlow.class);
    final RatingFlow rating = mock(RatingFlow.class);
    final Outbox outbox = mock(Outbox.class);
    final Texts texts = FlowFixtures.texts();
    final CustomerConversation conversation = new CustomerConversation(sessions, customers, editMessage, joinRequests, newTicket,
            routing, browsing, email, rating, outbox, texts);

    @Test
    void commandsReachTheirFlowsWhateverTheStep() {
        CustomerSession s = annAt(EMAIL_CODE);
        type("/new@CareBot");
        verify(newTicket).begin(s);
        type("/tickets");
        verify(browsing).list(s);
        type("/ticket #1001");
        verify(browsing).show(s, T1001);
        type("/close 1001");
        verify(browsing).askToClose(s, "1001");
        type("/email");
        verify(email).begin(s);
        type("/skip");
        verify(rating).skip(s);
        verify(email, never()).code(any(), any());
        verifyNoInteractions(routing, outbox);
    }

    @Test
    void agentAsksToJoinWithTheirNote() {
        annAt(IDLE);
        type("/agent I answer the phones at the shop");
        verify(joinRequests).request(ANN, "I answer the phones at the shop");
        type("/agent");
        verify(joinRequests).request(ANN, "");
    }

    @Test
    void whatIsTypedAtAStepGoesToThatStepsFlowAndOutsideAnyToATicket() {
        ChatInput typed = ChatInput.of(Channel.TELEGRAM, "ann@example.com", List.of(), "chat-ann:21");
        CustomerSession describing = annAt(NEW_DESCRIBE);
        conversation.onMessage(ANN, typed);
        verify(newTicket).describe(describing, typed);
        CustomerSession address = annAt(EMAIL_ADDRESS);
        conversation.onMessage(ANN, typed);
        verify(email).address(address, "ann@example.com");
        CustomerSession code = annAt(EMAIL_CODE);
        conversation.onMessage(ANN, typed);
        verify(email).code(code, "ann@example.com");
        CustomerSession comment = annAt(RATE_COMMENT);
        conversation.onMessage(ANN, typed);
        verify(rating).comment(comment, "ann@example.com");
        CustomerSession idle = annAt(IDLE);
        conversation.onMessage(ANN, typed);
        verify(routing).toCurrentTicket(idle, typed);
        CustomerSession articlesOffered = annAt(ARTICLES);   // written instead of answering: the ticket opens and it goes there
        conversation.onMessage(ANN, typed);
        verify(newTicket).writeWhileArticlesOffered(articlesOffered, typed);
        verify(routing, never()).toCurrentTicket(articlesOffered, typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {NEW_CATEGORY, CHOOSE_TICKET, OFFER_NEW})
    void atAStepThatWaitsForAButtonTextIsAnsweredWithAHint(String step) {
        annAt(step);
        type("Hello?");
        verify(outbox).toChat(ANN.privateChat(), "Please choose with the buttons above, or send /cancel.");
        verifyNoInteractions(routing, newTicket);
    }

    @Test
    void startGreetsByNameWithTheMenuAndItsButtonsWork() {
        CustomerSession s = annAt(IDLE);
        when(s.customer().displayName()).thenReturn("Ann");
        type("/start");
        verify(outbox).toChat(ANN.privateChat(),
                "Hello Ann! I am the support bot. Open a ticket and an agent will answer you right here.",
                List.of(new MessageAction("menu:new", "New ticket"), new MessageAction("menu:tickets", "My tickets"),
                        new MessageAction("menu:help", "Help")));
        press("menu:new");
        verify(newTicket).begin(s);
        press("menu:tickets");
        verify(browsing).list(s);
        press("menu:help");
        type("/help");
        verify(outbox, times(2)).toChat(ANN.privateChat(), texts.get("en", "bot.help"));
        type("/frobnicate");
        verify(outbox).toChat(ANN.privateChat(), "I do not know that command. Send /help to see what I can do.");
    }

    @Test
    void buttonsReachTheirFlows() {
        CustomerSession s = annAt(IDLE);
        press("cat:4");
        verify(newTicket).chooseCategory(s, 4);
        press("offer:yes");
        verify(newTicket).answerOffer(s, true);
        press("show:1001");
        verify(browsing).show(s, T1001);
        press("reply:1001");
        verify(browsing).replyTo(s, T1001);
        press("close:1001");
        verify(browsing).confirmClose(s, T1001);
        press("close-no:1001");
        verify(browsing).answerClose(s, T1001, false);
        press("rate:1001:5");
        verify(rating).stars(s, T1001, 5);
        press("pick:1003");
        verify(routing).postPending(s, new TicketNumber(1003));
        press("art-yes:12");
        verify(newTicket).answerArticles(s, 12, true);
        press("art-no:12");
        verify(newTicket).answerArticles(s, 12, false);
        verifyNoInteractions(outbox);
    }

    @Test
    void cancelLeavesTheStepOrSaysThereIsNothingToCancel() {
        annAt(IDLE);
        type("/cancel");
        verify(outbox).toChat(ANN.privateChat(), "There is nothing to cancel. Send /help to see what I can do.");
        CustomerSession s = annAt(EMAIL_ADDRESS);
        type("/cancel");
        verify(sessions).moveTo(s, IDLE, Map.of());
        verify(outbox).toChat(ANN.privateChat(), "Cancelled. Send /help to see what I can do.");
    }

    @Test
    void theLanguageIsChosenWithButtonsAndAnsweredInTheNewOne() {
        annAt(IDLE);
        type("/language");
        verify(outbox).toChat(ANN.privateChat(), "Choose the language of my messages:",
                List.of(new MessageAction("lang:en", "English"), new MessageAction("lang:es", "Español"),
                        new MessageAction("lang:de", "Deutsch")));
        Customer spanish = mock(Customer.class);
        when(spanish.language()).thenReturn("es");
        when(customers.changeLanguage(CUSTOMER_ID, "es")).thenReturn(spanish);
        press("lang:es");
        verify(outbox).toChat(ANN.privateChat(), "Idioma seleccionado: Español. A partir de ahora le escribiré en este idioma.");
    }

    @Test
    void aStaleMalformedOrForeignButtonAndABadNumberAreRefusedPolitely() {
        annAt(IDLE);
        press("claim:1001");   // a staff button pressed in the private chat
        verify(outbox).toChat(ANN.privateChat(), STALE);
        for (String data : List.of("cat:abc", "rate:1001:9", "lang:xx", "", "art-yes:0", "art-no:", "art-yes:12:1")) {
            assertThatThrownBy(() -> press(data)).as(data).isInstanceOfSatisfying(DomainException.class,
                    refused -> assertThat(texts.explain("en", refused)).isEqualTo(STALE));
        }
        assertThatThrownBy(() -> type("/ticket abc")).isInstanceOfSatisfying(DomainException.class, refused -> assertThat(
                texts.explain("en", refused)).isEqualTo("That is not a ticket number. Ticket numbers look like #1042."));
        verifyNoInteractions(newTicket, browsing, rating, routing);
        verify(customers, never()).changeLanguage(any(), any());
    }

    @Test
    void formsReachTheirFlowsAnEmptyCommentAddsNothingAndAnEditIsPassedOn() {
        CustomerSession s = annAt(IDLE);
        ChatInput description = ChatInput.of(Channel.TELEGRAM, "I was charged twice", List.of(), null);
        conversation.openFromForm(ANN, 4L, description);
        verify(newTicket).openFromForm(s, 4L, description);
        conversation.rate(ANN, T1001, 4);
        verify(rating).starsFromForm(s, T1001, 4);
        conversation.commentFromForm(ANN, T1001, "  ");
        verify(rating, never()).commentFromForm(any(), any(), any());

        when(customers.find(Channel.TELEGRAM, "ann")).thenReturn(Optional.of(s.customer()));
        conversation.onEdit(ANN, ChatInput.of(Channel.TELEGRAM, "I was charged three times", List.of(), "chat-ann:9"));
        verify(editMessage).edit(CUSTOMER_ID, Channel.TELEGRAM, "chat-ann:9", "I was charged three times");
    }

    private CustomerSession annAt(String step) {
        CustomerSession s = at(step, Map.of());
        when(sessions.of(ANN)).thenReturn(s);
        return s;
    }

    private void type(String text) {
        conversation.onMessage(ANN, ChatInput.of(Channel.TELEGRAM, text, List.of(), "chat-ann:20"));
    }

    private void press(String data) {
        conversation.onButton(ANN, data);
    }
}
