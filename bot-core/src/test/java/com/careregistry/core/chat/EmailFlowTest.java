package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.EMAIL_ADDRESS;
import static com.careregistry.core.chat.CustomerSession.Steps.EMAIL_CODE;
import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;
import static com.careregistry.core.chat.FlowFixtures.ANN;
import static com.careregistry.core.chat.FlowFixtures.CUSTOMER_ID;
import static com.careregistry.core.chat.FlowFixtures.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.verification.VerifyEmail;
import com.careregistry.core.verification.VerifyEmail.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C1 (and C6's relinking) without a database: /email asks for an address, mails a code, and takes the code back. */
class EmailFlowTest {

    final CustomerSessions sessions = mock(CustomerSessions.class);
    final CustomerDirectory customers = mock(CustomerDirectory.class);
    final VerifyEmail verifyEmail = mock(VerifyEmail.class);
    final Outbox outbox = mock(Outbox.class);
    final EmailFlow email = new EmailFlow(sessions, customers, verifyEmail, outbox, FlowFixtures.texts());

    @Test
    void emailAsksForTheAddress() {
        CustomerSession s = at(IDLE, Map.of());
        email.begin(s);
        verify(sessions).moveTo(s, EMAIL_ADDRESS, Map.of());
        verify(outbox).toChat(ANN.privateChat(), "Please send the email address you want to add.");
    }

    @Test
    void theAddressTypedGetsACodeAndTheCodeIsAskedFor() {
        when(verifyEmail.start(CUSTOMER_ID, " Ann@Example.com ")).thenReturn("ann@example.com");
        CustomerSession s = at(EMAIL_ADDRESS, Map.of());
        email.address(s, " Ann@Example.com ");
        verify(sessions).moveTo(s, EMAIL_CODE, Map.of("email", "ann@example.com"));
        verify(outbox).toChat(ANN.privateChat(), "We sent a 6-digit code to ann@example.com. Please type it here.");
    }

    @Test
    void aRefusedAddressLeavesTheCustomerAtTheStepToTypeItAgain() {
        when(verifyEmail.start(CUSTOMER_ID, "ann at example")).thenThrow(new DomainException("email.invalid"));
        assertThatThrownBy(() -> email.address(at(EMAIL_ADDRESS, Map.of()), "ann at example"))
                .isInstanceOf(DomainException.class).hasMessage("email.invalid");
        verifyNoInteractions(sessions, outbox);
    }

    @Test
    void theRightCodeConfirmsTheEmailAndEndsTheStep() {
        CustomerSession s = typingTheCode(" 123 456 ", Result.CONFIRMED);
        email.code(s, " 123 456 ");
        verify(sessions).moveTo(s, IDLE, Map.of());
        verify(outbox).toChat(ANN.privateChat(), "Thank you, your email is confirmed.");
    }

    @Test
    void aWrongCodeKeepsTheStepSoTheyCanTypeItAgain() {
        CustomerSession s = typingTheCode("111111", Result.WRONG_CODE);
        email.code(s, "111111");
        verify(sessions, never()).moveTo(any(), anyString(), anyMap());
        verify(outbox).toChat(ANN.privateChat(), "That code is not right. Please check the email and try again.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            RELINKED        | Welcome back! This chat is now linked to your account and its tickets.
            EXPIRED         | That code has expired. Please ask for a new one.
            TOO_MANY_TRIES  | That was too many tries. Please ask for a new code.
            NOTHING_PENDING | There is no code waiting to be confirmed. Please add your email first.
            """)
    void everyOtherOutcomeEndsTheStepWithItsOwnAnswer(Result result, String answer) {
        CustomerSession s = typingTheCode("654321", result);
        email.code(s, "654321");
        verify(sessions).moveTo(s, IDLE, Map.of());
        verify(outbox).toChat(ANN.privateChat(), answer);
    }

    private CustomerSession typingTheCode(String typed, Result result) {
        CustomerSession s = at(EMAIL_CODE, Map.of("email", "ann@example.com"));
        when(verifyEmail.confirm(CUSTOMER_ID, typed)).thenReturn(result);
        when(customers.get(CUSTOMER_ID)).thenReturn(s.customer());
        return s;
    }
}
