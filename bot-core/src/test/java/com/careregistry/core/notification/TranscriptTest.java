package com.careregistry.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.mail.EmailSender;
import com.careregistry.core.outbox.OutboxDispatcher;
import com.careregistry.core.ticket.CloseTicket;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.PostCustomerMessage;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.testsupport.TestPorts;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ticket's whole conversation by email, through a real SMTP server (GreenMail): on the customer's
 * request, and when the ticket closes ({@code transcript-on-close}); only to a verified address.
 */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "careregistry.tickets.transcript-on-close=true"})
class TranscriptTest extends CoreTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(TestPorts.port(3025)));

    @org.springframework.test.context.DynamicPropertySource
    static void smtpPort(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> TestPorts.port(3025));
    }

    @Autowired
    Transcripts transcripts;
    @Autowired
    EmailSender emailSender;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    PostCustomerMessage postCustomerMessage;
    @Autowired
    CloseTicket closeTicket;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theTranscriptReachesTheCustomersVerifiedAddressOnRequestAndWhenTheTicketCloses() throws Exception {
        Customer ann = customer("Ann");
        transactions.executeWithoutResult(status -> jdbc.update("UPDATE customers SET email = ?, email_verified_at = ? WHERE id = ?",
                "ann@example.org", Timestamp.from(clock.instant()), ann.id()));   // as /email and its code would
        AgentView maria = agent("Maria");
        Ticket ticket = open(ann, "My printer jams\nIt happens on every page");
        postAgentMessage.post(new PostAgentMessage.Command(maria.id(), ticket.number(),
                MessageContent.text("Please send a photo of the tray", Channel.TELEGRAM, null)));
        postCustomerMessage.post(new PostCustomerMessage.Command(ann.id(), ticket.number(), new MessageContent("Here it is",
                List.of(new Attachment(Attachment.PHOTO, "photo-1", "tray.jpg")), Channel.TELEGRAM, "m-2")));

        assertThat(transcripts.emailTo(ann.id(), ticket.number())).isEqualTo("ann@example.org");
        closeTicket.byCustomer(ann.id(), ticket.number());
        sendMail();

        List<MimeMessage> received = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(TranscriptTest::isATranscript).toList();
        assertThat(received).hasSize(2).allSatisfy(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ann@example.org");
            assertThat(mail.getSubject()).isEqualTo("Transcript of your ticket " + ticket.number() + " · My printer jams");
        });
        String body = ((String) received.get(0).getContent()).replace("\r\n", "\n");
        assertThat(body).startsWith("Hello Ann,\n\nhere is the whole conversation of ticket " + ticket.number() + ".")
                .contains("Transcript of ticket " + ticket.number() + " · My printer jams\nOpened ")
                .containsPattern("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\] You: My printer jams\nIt happens on every page\n")
                .containsPattern("\\] Maria: Please send a photo of the tray\n")
                .containsPattern("\\] You: Here it is \\(file: tray.jpg\\)");
        assertThat((String) received.get(1).getContent()).contains(" · General · Closed");
    }

    @Test
    void withoutAVerifiedAddressTheCustomerIsToldToAddOne() {
        Customer bob = customer("Bob");
        Ticket ticket = open(bob, "Help");
        assertThatThrownBy(() -> transcripts.emailTo(bob.id(), ticket.number()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(texts.explain("en", e))
                        .isEqualTo("I need your email address first: send /email, then /transcript again."));
        closeTicket.byCustomer(bob.id(), ticket.number());
        sendMail();
        assertThat(smtp.getReceivedMessages()).noneMatch(TranscriptTest::isATranscript);
        Customer ann = customer("Ann");
        assertThatThrownBy(() -> transcripts.emailTo(ann.id(), ticket.number())).isInstanceOf(DomainException.class);
    }

    private static boolean isATranscript(MimeMessage mail) {
        try {
            return mail.getSubject().startsWith("Transcript of your ticket");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sendMail() {
        for (int round = 0; round < 20 && dispatcher.dispatchDue(emailSender) > 0; round++) {
            // next round
        }
    }
}
