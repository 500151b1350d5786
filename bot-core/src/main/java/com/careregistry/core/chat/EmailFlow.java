package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.EMAIL_ADDRESS;
import static com.careregistry.core.chat.CustomerSession.Steps.EMAIL_CODE;
import static com.careregistry.core.chat.CustomerSession.Steps.IDLE;

import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.verification.VerifyEmail;
import java.util.Map;
import org.springframework.stereotype.Component;

/** C10: /email asks for an address, mails a code, and takes the code back. */
@Component
class EmailFlow {

    private final CustomerSessions sessions;
    private final CustomerDirectory customers;
    private final VerifyEmail verifyEmail;
    private final Replies replies;

    EmailFlow(CustomerSessions sessions, CustomerDirectory customers, VerifyEmail verifyEmail, Outbox outbox, Texts texts) {
        this.sessions = sessions;
        this.customers = customers;
        this.verifyEmail = verifyEmail;
        this.replies = new Replies(outbox, texts);
    }

    void begin(CustomerSession s) {
        sessions.moveTo(s, EMAIL_ADDRESS, Map.of());
        replies.send(s.chat(), s.language(), "bot.email.ask");
    }

    void address(CustomerSession s, String typed) {
        String address = verifyEmail.start(s.customer().id(), typed);
        sessions.moveTo(s, EMAIL_CODE, Map.of("email", address));
        replies.send(s.chat(), s.language(), "email.verify.sent", address);
    }

    void code(CustomerSession s, String typed) {
        VerifyEmail.Result result = verifyEmail.confirm(s.customer().id(), typed);
        if (result != VerifyEmail.Result.WRONG_CODE) {
            sessions.moveTo(s, IDLE, Map.of());
        }
        String language = customers.get(s.customer().id()).language();
        replies.send(s.chat(), language, result.textKey());
    }
}
