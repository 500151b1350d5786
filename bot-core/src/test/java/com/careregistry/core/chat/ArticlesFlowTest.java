package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.ARTICLES;
import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.CustomerSession.Steps.NEW_DESCRIBE;
import static com.careregistry.core.chat.FlowFixtures.ANN;
import static com.careregistry.core.chat.FlowFixtures.CUSTOMER_ID;
import static com.careregistry.core.chat.FlowFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.careregistry.core.article.ArticleOfferView;
import com.careregistry.core.article.ArticleView;
import com.careregistry.core.article.OfferArticles;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.OpenTicket;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketNumber;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** Answers before a ticket, without a database: articles offered first; yes opens nothing, no opens the ticket as described. */
class ArticlesFlowTest {

    static final CategoryView BILLING = new CategoryView(4, "Billing", true);
    static final ArticleView REFUNDS = new ArticleView(21, 4L, "Refunds take five days",
            "A refund reaches your card within five working days of our email.", List.of("refund", "late"), true,
            Instant.parse("2026-11-02T10:00:00Z"));
    static final ArticleView CARDS = new ArticleView(22, null, "Card payments",
            "We take Visa and Mastercard.", List.of("card"), true, Instant.parse("2026-11-01T10:00:00Z"));
    static final String OFFERED = "Before I open your ticket: these articles may already answer it.\n\n"
            + "📄 Refunds take five days\nA refund reaches your card within five working days of our email.\n\n"
            + "📄 Card payments\nWe take Visa and Mastercard.\n\n"
            + "Did this solve it?";
    static final String CREATED = "Ticket #1001 created\nWe will answer you here as soon as an agent picks it up.";
    static final String STALE = "This button no longer works.";

    final CustomerSessions sessions = mock(CustomerSessions.class);
    final ManageCategories categories = mock(ManageCategories.class);
    final OpenTicket openTicket = mock(OpenTicket.class);
    final OfferArticles offerArticles = mock(OfferArticles.class);
    final PostCustomerMessage postMessage = mock(PostCustomerMessage.class);
    final Outbox outbox = mock(Outbox.class);
    final NewTicketFlow flow = new NewTicketFlow(sessions, categories, openTicket,
            new ArticlesFlow(sessions, offerArticles, outbox, FlowFixtures.texts()), postMessage, outbox, FlowFixtures.texts(),
            mock(com.careregistry.core.sla.Deadlines.class));
    final Attachment photo = new Attachment(Attachment.PHOTO, "photo-ref", null);
    final ChatInput problem = ChatInput.of(Channel.TELEGRAM, "My refund is late, paid by card", List.of(photo), "chat-ann:9");
    final Ticket created = mock(Ticket.class);

    @BeforeEach
    void ticketsOpenAs1001AndTwoArticlesMatch() {
        when(created.number()).thenReturn(new TicketNumber(1001));
        when(openTicket.open(any())).thenReturn(created);
        when(categories.active()).thenReturn(List.of(BILLING));
        when(offerArticles.offer(CUSTOMER_ID, 4, "My refund is late, paid by card"))
                .thenReturn(Optional.of(new ArticleOfferView(12, List.of(REFUNDS, CARDS))));
    }

    @Test
    void matchingArticlesAreOfferedInsteadOfOpeningAndTheDescriptionIsKept() {
        Map<String, String> kept = offered();
        assertThat(kept).containsEntry("text", "My refund is late, paid by card").containsEntry("mid", "chat-ann:9")
                .containsEntry("file0.ref", "photo-ref").containsEntry("category", "4").containsEntry("offer", "12");
        verify(openTicket, never()).open(any());
        verify(outbox, never()).toCustomerAbout(any(), any(), any(), eq(CREATED), anyList(), anyList());
    }

    @Test
    void yesRecordsTheProblemSolvedAndOpensNoTicket() {
        CustomerSession s = at(ARTICLES, offered());
        when(offerArticles.answer(12, CUSTOMER_ID, true)).thenReturn(true);
        flow.answerArticles(s, 12, true);
        verify(offerArticles).answer(12, CUSTOMER_ID, true);
        verify(sessions).moveTo(s, IDLE, Map.of());
        verify(outbox).toChat(ANN.privateChat(), "Glad it helped! No ticket was opened. If you still need us, send /new to open one.");
        verify(openTicket, never()).open(any());
        verify(sessions, never()).stayOn(any(), any());
    }

    @Test
    void noOpensTheTicketAsItWasDescribedFilesAndAll() {
        CustomerSession s = at(ARTICLES, offered());
        when(offerArticles.answer(12, CUSTOMER_ID, false)).thenReturn(true);
        flow.answerArticles(s, 12, false);
        verify(offerArticles).answer(12, CUSTOMER_ID, false);
        assertThat(opened()).isEqualTo(new OpenTicketCommand(CUSTOMER_ID, 4L, "My refund is late, paid by card", List.of(photo),
                Channel.TELEGRAM, "chat-ann:9"));
        verify(sessions).stayOn(s, new TicketNumber(1001));
        verifyCreated(CREATED);
    }

    @Test
    void anAnswerToAnOfferNoLongerWaitingIsAStaleButton() {
        Map<String, String> kept = offered();
        flow.answerArticles(at(IDLE, Map.of()), 12, true);                  // the flow ended (/cancel, answered)
        flow.answerArticles(at(ARTICLES, kept), 11, false);                 // an older offer's button
        when(offerArticles.answer(12, CUSTOMER_ID, true)).thenReturn(false);
        flow.answerArticles(at(ARTICLES, kept), 12, true);                  // answered already (the record says so)
        verify(outbox, org.mockito.Mockito.times(3)).toChat(ANN.privateChat(), STALE);
        verify(offerArticles, never()).answer(eq(11L), anyLong(), anyBoolean());
        verify(openTicket, never()).open(any());
        verify(sessions, never()).moveTo(any(), eq(IDLE), any());
    }

    @Test
    void writingInsteadOfAnsweringOpensTheTicketAsDescribedAndTheMessageGoesToIt() {
        CustomerSession s = at(ARTICLES, offered());
        ChatInput more = ChatInput.of(Channel.TELEGRAM, "It was 40 euros", List.of(), "chat-ann:10");
        flow.writeWhileArticlesOffered(s, more);
        InOrder order = inOrder(offerArticles, openTicket, postMessage);
        order.verify(offerArticles).answer(12, CUSTOMER_ID, false);
        order.verify(openTicket).open(new OpenTicketCommand(CUSTOMER_ID, 4L, "My refund is late, paid by card", List.of(photo),
                Channel.TELEGRAM, "chat-ann:9"));
        order.verify(postMessage).post(new PostCustomerMessage.Command(CUSTOMER_ID, new TicketNumber(1001), more.content()));
        verifyCreated(CREATED);
    }

    @Test
    void anOverLongMessageWrittenInsteadOfAnsweringIsRefusedBeforeAnythingOpens() {
        CustomerSession s = at(ARTICLES, offered());
        ChatInput tooLong = ChatInput.of(Channel.TELEGRAM, "x".repeat(MessageContent.MAX_TEXT_LENGTH + 1), List.of(), "chat-ann:10");
        assertThatThrownBy(() -> flow.writeWhileArticlesOffered(s, tooLong)).hasMessageContaining("message.too-long");
        verify(openTicket, never()).open(any());
        verify(offerArticles, never()).answer(anyLong(), anyLong(), anyBoolean());
    }

    @Test
    void aFormsDescriptionIsOfferedArticlesTooAndKeptWithoutAMessageId() {
        ChatInput form = ChatInput.of(Channel.TELEGRAM, "My refund is late, paid by card", List.of(), null);
        CustomerSession s = at(IDLE, Map.of());
        flow.openFromForm(s, 4L, form);
        Map<String, String> kept = movedTo(s);
        assertThat(kept).containsEntry("text", "My refund is late, paid by card").doesNotContainKey("mid").containsEntry("offer", "12");
        verify(openTicket, never()).open(any());

        when(offerArticles.answer(12, CUSTOMER_ID, false)).thenReturn(true);
        flow.answerArticles(at(ARTICLES, kept), 12, false);
        assertThat(opened()).isEqualTo(new OpenTicketCommand(CUSTOMER_ID, 4L, "My refund is late, paid by card", List.of(),
                Channel.TELEGRAM, null));
    }

    @Test
    void anEmptyDescriptionOrACustomerAtALimitIsRefusedBeforeAnyArticleIsOffered() {
        ChatInput blank = ChatInput.of(Channel.TELEGRAM, "   ", List.of(), "chat-ann:11");
        assertThatThrownBy(() -> flow.describe(at(NEW_DESCRIBE, Map.of("category", "4")), blank))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.textKey()).isEqualTo("ticket.query.empty"));
        doThrow(new DomainException("ticket.limit.open", 5)).when(openTicket).mayOpen(CUSTOMER_ID);
        assertThatThrownBy(() -> flow.describe(at(NEW_DESCRIBE, Map.of("category", "4")), problem))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.textKey()).isEqualTo("ticket.limit.open"));
        verify(offerArticles, never()).offer(anyLong(), anyLong(), anyString());
        verify(outbox, never()).toChat(any(), anyString(), org.mockito.ArgumentMatchers.anyList());
    }

    @Test
    void withNoMatchingArticleTheTicketOpensAtOnce() {
        ChatInput other = ChatInput.of(Channel.TELEGRAM, "The app crashes", List.of(), "chat-ann:12");
        flow.describe(at(NEW_DESCRIBE, Map.of("category", "4")), other);
        verify(offerArticles).offer(CUSTOMER_ID, 4, "The app crashes");
        assertThat(opened().description()).isEqualTo("The app crashes");
        verifyCreated(CREATED);
    }

    /** Ann describes her problem at /new's step; the articles come with the two buttons. The step's data is returned. */
    private Map<String, String> offered() {
        CustomerSession describing = at(NEW_DESCRIBE, Map.of("category", "4"));
        flow.describe(describing, problem);
        Map<String, String> kept = movedTo(describing);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<MessageAction>> buttons = ArgumentCaptor.forClass(List.class);
        verify(outbox).toChat(eq(ANN.privateChat()), eq(OFFERED), buttons.capture());
        assertThat(buttons.getValue()).containsExactly(new MessageAction("art-yes:12", "Yes, that solved it"),
                new MessageAction("art-no:12", "No, open my ticket"));
        return kept;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> movedTo(CustomerSession s) {
        ArgumentCaptor<Map<String, String>> data = ArgumentCaptor.forClass(Map.class);
        verify(sessions).moveTo(eq(s), eq(ARTICLES), data.capture());
        return data.getValue();
    }

    private OpenTicketCommand opened() {
        ArgumentCaptor<OpenTicketCommand> command = ArgumentCaptor.forClass(OpenTicketCommand.class);
        verify(openTicket).open(command.capture());
        return command.getValue();
    }

    /** The ticket's confirmation: said about the ticket, in its topic where the platform has them ("#1001 · subject"). */
    private void verifyCreated(String text) {
        verify(outbox).toCustomerAbout(any(), eq(ANN.privateChat()), org.mockito.ArgumentMatchers.startsWith("#1001 · "), eq(text),
                eq(List.of()), eq(List.of()));
    }
}
