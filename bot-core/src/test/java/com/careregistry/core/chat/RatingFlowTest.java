package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.CustomerSession.Steps.RATE_COMMENT;
import static com.careregistry.core.chat.FlowFixtures.ANN;
import static com.careregistry.core.chat.FlowFixtures.CUSTOMER_ID;
import static com.careregistry.core.chat.FlowFixtures.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.careregistry.core.common.DomainException;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.ticket.RateTicket;
import com.careregistry.core.ticket.TicketNumber;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** C11 without a database: the stars, then the optional comment, or /skip. */
class RatingFlowTest {

    final CustomerSessions sessions = mock(CustomerSessions.class);
    final RateTicket rateTicket = mock(RateTicket.class);
    final Outbox outbox = mock(Outbox.class);
    final RatingFlow rating = new RatingFlow(sessions, rateTicket, outbox, FlowFixtures.texts());
    final TicketNumber ticket = new TicketNumber(1001);

    @Test
    void starsInTheChatAskForTheCommentThatFollows() {
        CustomerSession s = at(IDLE, Map.of());
        rating.stars(s, ticket, 5);
        verify(rateTicket).rate(CUSTOMER_ID, ticket, 5, null);
        verify(sessions).moveTo(s, RATE_COMMENT, Map.of("ticket", "1001"));
        verify(outbox).toChat(ANN.privateChat(), "Thank you! Would you like to add a comment? Write it now, or send /skip.");

        rating.comment(at(RATE_COMMENT, Map.of("ticket", "1001")), "Quick and kind");
        verify(rateTicket).comment(CUSTOMER_ID, ticket, "Quick and kind");
    }

    @Test
    void skipEndsTheStepAndSaysSoOnlyWhenThereIsOne() {
        CustomerSession commenting = at(RATE_COMMENT, Map.of("ticket", "1001"));
        rating.skip(commenting);
        verify(sessions).moveTo(commenting, IDLE, Map.of());
        verify(outbox).toChat(ANN.privateChat(), "Done.");

        rating.skip(at(IDLE, Map.of()));
        verify(outbox).toChat(ANN.privateChat(), "There is nothing to cancel. Send /help to see what I can do.");
        verify(rateTicket, never()).comment(any(), any(), anyString());
    }

    @Test
    void aFormsStarsDoNotAskAgainAndItsEmptyCommentAddsNothing() {
        CustomerSession s = at(IDLE, Map.of());
        rating.starsFromForm(s, ticket, 4);
        verify(rateTicket).rate(CUSTOMER_ID, ticket, 4, null);
        verify(outbox, never()).toChat(any(), anyString());
        rating.commentFromForm(s, ticket, "  ");
        verify(rateTicket, never()).comment(any(), any(), anyString());
    }

    @Test
    void aCommentStepThatLostItsTicketIsAStaleStep() {
        assertThatThrownBy(() -> rating.comment(at(RATE_COMMENT, Map.of()), "Hello"))
                .isInstanceOf(DomainException.class).hasMessageContaining("bot.button.stale");
    }
}
