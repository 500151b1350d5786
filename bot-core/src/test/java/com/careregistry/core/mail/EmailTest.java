package com.careregistry.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.Agent;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.outbox.OutboxDispatcher;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.verification.VerifyEmail;
import com.careregistry.testsupport.TestPorts;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Email through a real SMTP server (GreenMail): assignment alerts and the one-time code. */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1"})
class EmailTest extends CoreTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(TestPorts.port(3025)));

    @org.springframework.test.context.DynamicPropertySource
    static void smtpPort(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> TestPorts.port(3025));
    }

    @Autowired
    EmailSender emailSender;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    AssignAgent assignAgent;
    @Autowired
    VerifyEmail verifyEmail;
    @Autowired
    com.careregistry.core.ticket.TicketQueries queries;

    @Test
    void assignmentEmailsTheAgentAndTheCustomerWithTheTicketNumberAndAgentName() throws Exception {
        Customer ann = customer("Ann");
        confirmEmail(ann, "ann@example.org");
        AgentView maria = agent("Maria");
        Ticket ticket = open(ann, "Hi. My I Phone 14 pro max is not turning on.");

        assignAgent.assign(ticket.number(), maria.id());
        sendMail();

        MimeMessage toMaria = only(to("maria@example.com").stream().filter(this::isNotAnInvitation).toList());
        assertThat(toMaria.getSubject()).contains(ticket.number().toString());
        assertThat(GreenMailUtil.getBody(toMaria)).contains(ticket.number().toString()).contains("Maria")
                .contains("My I Phone 14 pro max is not turning on.");

        MimeMessage toAnn = only(to("ann@example.org").stream().filter(this::isNotACode).toList());
        assertThat(toAnn.getSubject()).contains(ticket.number().toString());
        assertThat(GreenMailUtil.getBody(toAnn)).contains("Maria").contains(ticket.number().toString());
        assertThat(outboxBodiesTo("chat-Ann")).contains("Agent Maria is now handling your ticket " + ticket.number() + ".");
    }

    @Test
    void customerWithoutVerifiedEmailGetsOnlyTheChatNotice() throws Exception {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        Ticket ticket = open(ann, "Help");
        assignAgent.assign(ticket.number(), maria.id());
        sendMail();

        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(this::isNotAnInvitation)).hasSize(1);
        assertThat(to("maria@example.com").stream().filter(this::isNotAnInvitation)).hasSize(1);
        assertThat(outboxBodiesTo("chat-Ann")).contains("Agent Maria is now handling your ticket " + ticket.number() + ".");
    }

    @Test
    void oneTimeCodeWrongThenRight() throws Exception {
        Customer ann = customer("Ann");
        verifyEmail.start(ann.id(), " Ann@Example.org ");
        sendMail();
        String code = codeIn(only(to("ann@example.org")));

        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(verifyEmail.confirm(ann.id(), wrong)).isEqualTo(VerifyEmail.Result.WRONG_CODE);
        assertThat(en(VerifyEmail.Result.WRONG_CODE.textKey())).isEqualTo("That code is not right. Please check the email and try again.");
        assertThat(verifyEmail.confirm(ann.id(), "not a code")).isEqualTo(VerifyEmail.Result.WRONG_CODE);
        assertThat(customers.get(ann.id()).verifiedEmail()).isEmpty();

        assertThat(verifyEmail.confirm(ann.id(), code)).isEqualTo(VerifyEmail.Result.CONFIRMED);
        assertThat(customers.get(ann.id()).verifiedEmail()).contains("ann@example.org");
        assertThat(verifyEmail.confirm(ann.id(), code)).isEqualTo(VerifyEmail.Result.NOTHING_PENDING);
    }

    @Test
    void oneTimeCodeExpiresAfterTenMinutes() throws Exception {
        Customer ann = customer("Ann");
        verifyEmail.start(ann.id(), "ann@example.org");
        sendMail();
        String code = codeIn(only(to("ann@example.org")));

        clock.advance(Duration.ofMinutes(10));
        assertThat(verifyEmail.confirm(ann.id(), code)).isEqualTo(VerifyEmail.Result.EXPIRED);
        assertThat(en(VerifyEmail.Result.EXPIRED.textKey())).isEqualTo("That code has expired. Please ask for a new one.");
        assertThat(customers.get(ann.id()).verifiedEmail()).isEmpty();
    }

    @Test
    void oneTimeCodeAllowsFiveTries() throws Exception {
        Customer ann = customer("Ann");
        verifyEmail.start(ann.id(), "ann@example.org");
        sendMail();
        String code = codeIn(only(to("ann@example.org")));
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt < VerifyEmail.MAX_TRIES; attempt++) {
            assertThat(verifyEmail.confirm(ann.id(), wrong)).isEqualTo(VerifyEmail.Result.WRONG_CODE);
        }
        assertThat(verifyEmail.confirm(ann.id(), wrong)).isEqualTo(VerifyEmail.Result.TOO_MANY_TRIES);
        assertThat(verifyEmail.confirm(ann.id(), code)).isEqualTo(VerifyEmail.Result.NOTHING_PENDING);
        assertThat(customers.get(ann.id()).verifiedEmail()).isEmpty();
    }

    @Test
    void aNewCodeReplacesTheOldOne() throws Exception {
        Customer ann = customer("Ann");
        verifyEmail.start(ann.id(), "ann@example.org");
        verifyEmail.start(ann.id(), "ann@example.org");
        sendMail();
        List<MimeMessage> codes = to("ann@example.org");
        assertThat(codes).hasSize(2);
        String oldCode = codeIn(codes.get(0));
        String newCode = codeIn(codes.get(1));
        if (!oldCode.equals(newCode)) {
            assertThat(verifyEmail.confirm(ann.id(), oldCode)).isEqualTo(VerifyEmail.Result.WRONG_CODE);
        }
        assertThat(verifyEmail.confirm(ann.id(), newCode)).isEqualTo(VerifyEmail.Result.CONFIRMED);
    }

    /** Sends every email waiting in the outbox (one per recipient per round, in order). */
    private void sendMail() {
        for (int round = 0; round < 20 && dispatcher.dispatchDue(emailSender) > 0; round++) {
            // next round
        }
    }

    @Test
    void provingAnEmailVerifiedBeforeLinksTheNewChatToTheEarlierAccount() throws Exception {
        Customer ann = customer("Ann");
        confirmEmail(ann, "ann@example.org");
        Ticket annsTicket = open(ann, "Old phone problem");

        Customer annOnDiscord = customers.register(new com.careregistry.core.common.ChatUser(
                com.careregistry.core.common.Channel.DISCORD, "dc-ann", "dm-ann", "Ann", "en"));
        Ticket newTicket = open(annOnDiscord, "New laptop problem");
        smtp.purgeEmailFromAllMailboxes();
        verifyEmail.start(annOnDiscord.id(), "ann@example.org");
        sendMail();
        assertThat(verifyEmail.confirm(annOnDiscord.id(), codeIn(only(to("ann@example.org")))))
                .isEqualTo(VerifyEmail.Result.RELINKED);

        Customer signedIn = customers.find(com.careregistry.core.common.Channel.DISCORD, "dc-ann").orElseThrow();
        assertThat(signedIn.id()).isEqualTo(ann.id());
        assertThat(queries.myTickets(ann.id())).extracting(t -> t.number())
                .containsExactlyInAnyOrder(annsTicket.number(), newTicket.number());
    }

    private void confirmEmail(Customer customer, String email) throws Exception {
        verifyEmail.start(customer.id(), email);
        sendMail();
        assertThat(verifyEmail.confirm(customer.id(), codeIn(to(email).get(0)))).isEqualTo(VerifyEmail.Result.CONFIRMED);
    }

    private List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private boolean isNotAnInvitation(MimeMessage message) {
        try {
            return !message.getSubject().equals(en("email.invite.subject"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isNotACode(MimeMessage message) {
        try {
            return !message.getSubject().equals(en("email.verify.subject"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String codeIn(MimeMessage message) {
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(message));
        assertThat(code.find()).as("a 6-digit code in the email").isTrue();
        return code.group(1);
    }
}
