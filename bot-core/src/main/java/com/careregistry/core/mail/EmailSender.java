package com.careregistry.core.mail;

import com.careregistry.core.common.Channel;
import com.careregistry.core.outbox.Delivery;
import com.careregistry.core.outbox.DeliveryFailure;
import com.careregistry.core.outbox.MessageSender;
import com.careregistry.core.outbox.OutboundMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The email channel of the outbox, through Spring Mail. Without SMTP settings
 * ({@code spring.mail.host}) there is no mail sender: emails then wait in the outbox until the
 * service is started with them.
 */
@Component
public class EmailSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final JavaMailSender mail;
    private final MailSettings settings;

    public EmailSender(ObjectProvider<JavaMailSender> mail, MailSettings settings) {
        this.mail = mail.getIfAvailable();
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayIfOff() {
        if (mail == null) {
            log.warn("Mail is not configured (set SPRING_MAIL_HOST and friends): emails wait in the outbox until it is");
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean ready() {
        return mail != null;
    }

    @Override
    public Delivery send(OutboundMessage message) throws DeliveryFailure {
        if (mail == null) {
            throw DeliveryFailure.transientFailure("mail is not configured");
        }
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(InternetAddress.parse(settings.from(), false)[0]);
            helper.setTo(new InternetAddress(message.emailTo(), true));
            helper.setSubject(message.subject() == null ? "" : message.subject());
            helper.setText(message.body(), false);
            mail.send(mime);
            return new Delivery(mime.getMessageID());
        } catch (AddressException | MailParseException bad) {
            throw DeliveryFailure.permanent("bad address: " + bad.getMessage());
        } catch (MailAuthenticationException auth) {
            throw DeliveryFailure.transientFailure("SMTP authentication failed: " + auth.getMessage(), auth);
        } catch (MailException | MessagingException e) {
            throw DeliveryFailure.transientFailure("SMTP: " + e.getMessage(), e);
        }
    }
}
