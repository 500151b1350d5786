package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.CustomerSession.Steps.NEW_CATEGORY;
import static com.careregistry.core.chat.CustomerSession.Steps.NEW_DESCRIBE;
import static com.careregistry.core.chat.CustomerSession.Steps.OFFER_NEW;
import static com.careregistry.core.chat.FlowFixtures.ANN;
import static com.careregistry.core.chat.FlowFixtures.CUSTOMER_ID;
import static com.careregistry.core.chat.FlowFixtures.at;
import static com.careregistry.core.chat.FlowFixtures.keeping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.careregistry.core.article.OfferArticles;
import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.sla.BusinessHours;
import com.careregistry.core.sla.Deadlines;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.OpenTicket;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketNumber;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** C4 without a database: /new, the category, the description; nothing written with no ticket open or in a form is lost. */
class NewTicketFlowTest {

    static final CategoryView BILLING = new CategoryView(3, "Billing", true);
    static final CategoryView DEVICES = new CategoryView(4, "Devices", true);
    static final String DESCRIBE =
            "Please describe your problem in one message. You can attach a photo or a document with a caption.";
    static final String CHOOSE = "Which category is your problem about?";
    static final String CREATED = "Ticket #1001 created\nWe will answer you here as soon as an agent picks it up.";

    final CustomerSessions sessions = mock(CustomerSessions.class);
    final ManageCategories categories = mock(ManageCategories.class);
    final OpenTicket openTicket = mock(OpenTicket.class);
    final Outbox outbox = mock(Outbox.class);
    final Deadlines deadlines = mock(Deadlines.class);
    final OfferArticles offerArticles = mock(OfferArticles.class);   // no article matches unless a test says so
    final PostCustomerMessage postMessage = mock(PostCustomerMessage.class);
    final NewTicketFlow flow = new NewTicketFlow(sessions, categories, openTicket,
            new ArticlesFlow(sessions, offerArticles, outbox, FlowFixtures.texts()), postMessage, outbox, FlowFixtures.texts(), deadlines);
    final Attachment photo = new Attachment(Attachment.PHOTO, "photo-ref", null);
    final ChatInput problem = ChatInput.of(Channel.TELEGRAM, "My phone is not turning on", List.of(photo), "chat-ann:9");
    final ChatInput form = ChatInput.of(Channel.TELEGRAM, "I was charged twice", List.of(), null);
    final Ticket created = mock(Ticket.class);

    @BeforeEach
    void ticketsOpenAs1001() {
        when(created.number()).thenReturn(new TicketNumber(1001));
        when(openTicket.open(any())).thenReturn(created);
    }

    @Test
    void theCreatedTicketSaysWhatItsCategoryPromisesForAFirstAnswer() {
        when(created.categoryId()).thenReturn(3L);
        when(deadlines.firstResponseTarget(3L)).thenReturn(Optional.of(Duration.ofMinutes(90)));
        when(deadlines.hours()).thenReturn(BusinessHours.always(ZoneId.of("UTC")));
        flow.describe(at(NEW_DESCRIBE, Map.of("category", "3")), problem);
        verifyCreated("Ticket #1001 created\nWe usually answer within 1 h 30 min; the answer comes here.");
    }

    @Test
    void aPromiseInBusinessHoursNamesThem() {
        when(created.categoryId()).thenReturn(3L);
        when(deadlines.firstResponseTarget(3L)).thenReturn(Optional.of(Duration.ofHours(2)));
        when(deadlines.hours()).thenReturn(BusinessHours.of(ZoneId.of("Europe/Berlin"), "MON-FRI", "09:00-17:00"));
        flow.describe(at(NEW_DESCRIBE, Map.of("category", "3")), problem);
        verifyCreated(
                "Ticket #1001 created\nWe usually answer within 2 h of working time (Mon–Fri 09:00–17:00 Europe/Berlin); the answer comes here.");
    }

    @Test
    void withOneActiveCategoryNewAsksStraightForTheDescription() {
        when(categories.active()).thenReturn(List.of(BILLING));
        CustomerSession s = at(IDLE, Map.of());
        flow.begin(s);
        verify(sessions).moveTo(s, NEW_DESCRIBE, Map.of("category", "3"));
        verify(outbox).toChat(ANN.privateChat(), DESCRIBE);
        verify(outbox, never()).toChat(any(), anyString(), anyList());
    }

    @Test
    void aCustomerAtALimitIsToldBeforeDescribingAnything() {
        CustomerSession s = at(IDLE, Map.of());
        doThrow(new DomainException("ticket.limit.open", 5)).when(openTicket).mayOpen(FlowFixtures.CUSTOMER_ID);
        assertThatThrownBy(() -> flow.begin(s)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.textKey()).isEqualTo("ticket.limit.open"));
        verify(sessions, never()).moveTo(any(), any(), any());
        verify(outbox, never()).toChat(any(), anyString());
    }

    @Test
    void withSeveralTheCustomerChoosesOneAndIsThenAskedToDescribe() {
        when(categories.active()).thenReturn(List.of(BILLING, DEVICES));
        CustomerSession idle = at(IDLE, Map.of());
        flow.begin(idle);
        verify(sessions).moveTo(idle, NEW_CATEGORY, Map.of());
        assertThat(buttonsWith(CHOOSE))
                .containsExactly(new MessageAction("cat:3", "Billing"), new MessageAction("cat:4", "Devices"));

        when(categories.get(4L)).thenReturn(DEVICES);
        CustomerSession choosing = at(NEW_CATEGORY, Map.of());
        flow.chooseCategory(choosing, 4);
        verify(sessions).moveTo(choosing, NEW_DESCRIBE, Map.of("category", "4"));
        verify(outbox).toChat(ANN.privateChat(), DESCRIBE);
        verify(openTicket, never()).open(any());
    }

    @Test
    void aCategoryChosenOnceTheStepIsOverIsAStaleButton() {
        flow.chooseCategory(at(NEW_DESCRIBE, Map.of("category", "3")), 4);
        verify(outbox).toChat(ANN.privateChat(), "This button no longer works.");
        verify(sessions, never()).moveTo(any(), anyString(), anyMap());
        verify(openTicket, never()).open(any());
    }

    @Test
    void theDescriptionTypedAtItsStepOpensTheTicketInTheChosenCategory() {
        CustomerSession s = at(NEW_DESCRIBE, Map.of("category", "4"));
        flow.describe(s, problem);
        assertThat(opened()).isEqualTo(command(4L, "My phone is not turning on", List.of(photo), "chat-ann:9"));
        verify(sessions).stayOn(s, new TicketNumber(1001));
        verifyCreated(CREATED);
    }

    @Test
    void aMessageWithNoTicketOpenIsKeptAndANewTicketOffered() {
        CustomerSession s = at(IDLE, Map.of());
        flow.offer(s, problem);
        assertThat(movedTo(s, OFFER_NEW)).containsEntry("text", "My phone is not turning on").containsEntry("mid", "chat-ann:9");
        assertThat(buttonsWith("You have no open ticket. Shall I open one with this message?"))
                .containsExactly(new MessageAction("offer:yes", "Open a ticket"), new MessageAction("offer:no", "Cancel"));

        String tooLong = "x".repeat(MessageContent.MAX_TEXT_LENGTH + 1);
        CustomerSession other = at(IDLE, Map.of());
        assertThatThrownBy(() -> flow.offer(other, ChatInput.of(Channel.TELEGRAM, tooLong, List.of(), "chat-ann:10")))
                .isInstanceOf(DomainException.class).hasMessageContaining("message.too-long");
        verify(sessions, never()).moveTo(eq(other), anyString(), anyMap());
    }

    @Test
    void yesToTheOfferOpensTheKeptMessageInTheOnlyCategory() {
        when(categories.active()).thenReturn(List.of(BILLING));
        CustomerSession s = keeping(OFFER_NEW, problem);
        flow.answerOffer(s, true);
        assertThat(opened()).isEqualTo(command(3L, "My phone is not turning on", List.of(photo), "chat-ann:9"));
        verify(sessions).stayOn(s, new TicketNumber(1001));
        verifyCreated(CREATED);
    }

    @Test
    void yesWithSeveralCategoriesAsksForOneAndTheKeptMessageBecomesTheDescription() {
        when(categories.active()).thenReturn(List.of(BILLING, DEVICES));
        CustomerSession offered = keeping(OFFER_NEW, problem);
        flow.answerOffer(offered, true);
        Map<String, String> kept = movedTo(offered, NEW_CATEGORY);
        assertThat(buttonsWith(CHOOSE)).extracting(MessageAction::id).containsExactly("cat:3", "cat:4");
        verify(openTicket, never()).open(any());

        when(categories.get(4L)).thenReturn(DEVICES);
        CustomerSession choosing = at(NEW_CATEGORY, kept);
        flow.chooseCategory(choosing, 4);
        assertThat(opened()).isEqualTo(command(4L, "My phone is not turning on", List.of(photo), "chat-ann:9"));
        verify(sessions).stayOn(choosing, new TicketNumber(1001));
        verify(outbox, never()).toChat(ANN.privateChat(), DESCRIBE);
    }

    @Test
    void noToTheOfferCancelsAndAnAnswerToAnOfferNoLongerMadeIsStale() {
        CustomerSession offered = keeping(OFFER_NEW, problem);
        flow.answerOffer(offered, false);
        verify(sessions).moveTo(offered, IDLE, Map.of());
        verify(outbox).toChat(ANN.privateChat(), "Cancelled. Send /help to see what I can do.");

        flow.answerOffer(at(IDLE, Map.of()), true);
        verify(outbox).toChat(ANN.privateChat(), "This button no longer works.");
        verify(openTicket, never()).open(any());
    }

    @Test
    void aFormsActiveCategoryOpensTheTicketAtOnce() {
        when(categories.active()).thenReturn(List.of(BILLING, DEVICES));
        CustomerSession s = at(IDLE, Map.of());
        flow.openFromForm(s, 4L, form);
        assertThat(opened()).isEqualTo(command(4L, "I was charged twice", List.of(), null));
        verifyCreated(CREATED);
    }

    @Test
    void aFormsRetiredCategoryHasTheCustomerChooseAndItsDescriptionIsKept() {
        when(categories.active()).thenReturn(List.of(BILLING, DEVICES));   // 5 was retired since the form was shown
        CustomerSession s = at(IDLE, Map.of());
        flow.openFromForm(s, 5L, form);
        Map<String, String> kept = movedTo(s, NEW_CATEGORY);
        assertThat(kept).containsEntry("text", "I was charged twice").doesNotContainKey("mid");
        assertThat(buttonsWith(CHOOSE)).extracting(MessageAction::id).containsExactly("cat:3", "cat:4");
        verify(openTicket, never()).open(any());

        when(categories.get(3L)).thenReturn(BILLING);
        flow.chooseCategory(at(NEW_CATEGORY, kept), 3);   // a form's description has no message id, and is kept all the same
        assertThat(opened()).isEqualTo(command(3L, "I was charged twice", List.of(), null));
    }

    @Test
    void aFormWithoutACategoryOpensInTheOnlyActiveOne() {
        when(categories.active()).thenReturn(List.of(BILLING));
        flow.openFromForm(at(IDLE, Map.of()), null, form);
        assertThat(opened()).isEqualTo(command(3L, "I was charged twice", List.of(), null));
        verifyCreated(CREATED);
    }

    @Test
    void anOldButtonOfARetiredCategoryIsRefusedBeforeTheCustomerDescribes() {
        when(categories.get(5L)).thenReturn(new CategoryView(5, "Old things", false));
        CustomerSession choosing = at(NEW_CATEGORY, Map.of());   // after /new, with an earlier list's button pressed
        assertThatThrownBy(() -> flow.chooseCategory(choosing, 5))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.textKey()).isEqualTo("category.retired"));
        verify(sessions, never()).moveTo(choosing, NEW_DESCRIBE, Map.of("category", "5"));
    }

    private static OpenTicketCommand command(Long categoryId, String description, List<Attachment> files, String messageId) {
        return new OpenTicketCommand(CUSTOMER_ID, categoryId, description, files, Channel.TELEGRAM, messageId);
    }

    private OpenTicketCommand opened() {
        ArgumentCaptor<OpenTicketCommand> command = ArgumentCaptor.forClass(OpenTicketCommand.class);
        verify(openTicket).open(command.capture());
        return command.getValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> movedTo(CustomerSession s, String step) {
        ArgumentCaptor<Map<String, String>> data = ArgumentCaptor.forClass(Map.class);
        verify(sessions).moveTo(eq(s), eq(step), data.capture());
        return data.getValue();
    }

    @SuppressWarnings("unchecked")
    private List<MessageAction> buttonsWith(String text) {
        ArgumentCaptor<List<MessageAction>> buttons = ArgumentCaptor.forClass(List.class);
        verify(outbox).toChat(eq(ANN.privateChat()), eq(text), buttons.capture());
        return buttons.getValue();
    }

    /** The ticket's confirmation: said about the ticket, in its topic where the platform has them ("#1001 · subject"). */
    private void verifyCreated(String text) {
        verify(outbox).toCustomerAbout(any(), eq(ANN.privateChat()), org.mockito.ArgumentMatchers.startsWith("#1001 · "), eq(text),
                eq(List.of()), eq(List.of()));
    }
}
