package com.careregistry.core.notification;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.DomainException;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.text.Times;
import com.careregistry.core.ticket.MessageView;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketEvents.TicketClosed;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import com.careregistry.core.ticket.TicketSettings;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's whole conversation as one text: its description, then every message with its author
 * and time (files by name). A customer with a verified email gets it by email on request
 * ({@code /transcript}) and, when {@code CAREREGISTRY_TICKETS_TRANSCRIPT_ON_CLOSE} is on, when the
 * ticket closes; the panel prints it.
 */
@Component
public class Transcripts {

    private final TicketQueries queries;
    private final CustomerDirectory customers;
    private final Outbox outbox;
    private final Texts texts;
    private final TicketSettings settings;

    Transcripts(TicketQueries queries, CustomerDirectory customers, Outbox outbox, Texts texts, TicketSettings settings) {
        this.queries = queries;
        this.customers = customers;
        this.outbox = outbox;
        this.texts = texts;
        this.settings = settings;
    }

    /** The transcript of a ticket in {@code language}, its customer called by their name. */
    @Transactional(readOnly = true)
    public String of(TicketNumber number, String language) {
        return render(queries.detailsForStaff(number), language, null);
    }

    /**
     * The customer asked for a ticket's transcript: it is emailed to their verified address, which is
     * returned; refused when they have none, or the ticket is not theirs.
     */
    @Transactional
    public String emailTo(Long customerId, TicketNumber number) {
        Customer customer = customers.get(customerId);
        String address = customer.verifiedEmail().orElseThrow(() -> new DomainException("transcript.no-email"));
        send(customer, address, queries.detailsForCustomer(customerId, number));
        return address;
    }

    @EventListener
    void on(TicketClosed event) {
        if (!settings.transcriptOnClose()) {
            return;
        }
        Customer customer = customers.get(event.ticket().customerId());
        customer.verifiedEmail().ifPresent(address -> send(customer, address, queries.detailsForStaff(event.ticket().number())));
    }

    private void send(Customer customer, String address, TicketDetails ticket) {
        String language = customer.language();
        outbox.toEmail(address, texts.get(language, "email.transcript.subject", ticket.number().toString(), ticket.subject()),
                texts.get(language, "email.transcript.body", customer.displayName(), ticket.number().toString(),
                        render(ticket, language, texts.get(language, "ticket.details.author.customer"))),
                ticket.ticketId());
    }

    /** The text; the customer is {@code customerAs} (e.g. "You"), or their name when null. */
    private String render(TicketDetails ticket, String language, String customerAs) {
        String customer = customerAs != null ? customerAs : ticket.customerName();
        StringBuilder text = new StringBuilder(texts.get(language, "transcript.title", ticket.number().toString(), ticket.subject()))
                .append('\n').append(texts.get(language, "transcript.opened", Times.minute(ticket.openedAt()), ticket.categoryName(),
                        texts.get(language, ticket.status().textKey())))
                .append("\n\n").append(line(ticket.openedAt(), customer, ticket.description(), List.of(), language));
        List<MessageView> conversation = queries.conversation(ticket.ticketId());
        for (MessageView message : conversation) {
            String author = message.author(customer, texts.get(language, "ticket.details.author.system"));
            text.append('\n').append(line(message.createdAt(), author, message.body(), message.attachments(), language));
        }
        return text.toString();
    }

    private String line(Instant at, String author, String body, List<Attachment> files, String language) {
        StringBuilder line = new StringBuilder(texts.get(language, "transcript.line", Times.minute(at), author, body == null ? "" : body));
        for (Attachment file : files) {
            line.append(' ').append(texts.get(language, "transcript.file", file.fileName() != null ? file.fileName()
                    : file.kind().toLowerCase(java.util.Locale.ROOT)));
        }
        return line.toString().strip();
    }
}
