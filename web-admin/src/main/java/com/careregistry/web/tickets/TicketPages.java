package com.careregistry.web.tickets;

import com.careregistry.core.agent.ManageAgents;
import com.careregistry.core.notification.Transcripts;
import com.careregistry.core.outbox.DeliveryView;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.sla.Deadlines;
import com.careregistry.core.ticket.MessageView;
import com.careregistry.core.ticket.TicketDetails;
import com.careregistry.core.ticket.TicketHistory;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.core.ticket.TicketQueries;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.NotFoundException;
import com.careregistry.core.files.AttachmentFiles;
import com.careregistry.core.outbox.DeliveryFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a ticket's page shows, for admins and agents alike: the query, the conversation (with each of our
 * answers' delivery, and its files: images as small pictures, other files as links), the delivery.
 */
@Component
public class TicketPages {

    private final TicketQueries queries;
    private final ManageAgents agents;
    private final Outbox outbox;
    private final Transcripts transcripts;
    private final Deadlines deadlines;
    private final TicketHistory history;
    private final AttachmentFiles files;

    TicketPages(TicketQueries queries, ManageAgents agents, Outbox outbox, Transcripts transcripts, Deadlines deadlines,
                TicketHistory history, AttachmentFiles files) {
        this.files = files;
        this.history = history;
        this.deadlines = deadlines;
        this.transcripts = transcripts;
        this.queries = queries;
        this.agents = agents;
        this.outbox = outbox;
    }

    public TicketDetails details(TicketNumber number) {
        return queries.detailsForStaff(number);
    }

    /** Fills the page of a ticket already read (and, for an agent, checked) with {@link #details}. */
    public void fill(Model model, TicketDetails ticket, String base) {
        model.addAttribute("transcriptLink", base + "/" + ticket.number().value() + "/transcript");
        model.addAttribute("filesLink", base + "/" + ticket.number().value() + "/files");
        Map<Long, String> agentNames = new HashMap<>();
        agents.all().forEach(agent -> agentNames.put(agent.id(), agent.fullName()));
        model.addAttribute("ticket", ticket);
        List<MessageView> messages = queries.conversation(ticket.ticketId());
        model.addAttribute("messages", messages);
        model.addAttribute("timeline", timeline(messages, history.of(ticket.ticketId())));
        model.addAttribute("earlier", queries.earlierTexts(ticket.ticketId()));
        model.addAttribute("agentNames", agentNames);
        List<DeliveryView> deliveries = outbox.aboutTicket(ticket.ticketId());
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("deliveryOf", deliveryOf(deliveries));
        model.addAttribute("due", deadlines.forTicket(ticket.ticketId()).orElse(null));
        model.addAttribute("candidates", agents.candidatesFor(ticket.categoryId()));
        model.addAttribute("assignedAgent", ticket.agentId() == null ? null : agentNames.get(ticket.agentId()));
    }

    /**
     * The delivery of each message we sent the customer, by the message's id, from the rows already read
     * for the page (no query per message); the newest row of a message when it has several.
     */
    static Map<Long, DeliveryView> deliveryOf(List<DeliveryView> deliveries) {
        Map<Long, DeliveryView> byMessage = new HashMap<>();
        for (DeliveryView delivery : deliveries) {
            if (delivery.ticketMessageId() != null) {
                byMessage.put(delivery.ticketMessageId(), delivery);   // oldest first: a later row wins
            }
        }
        return byMessage;
    }

    /** One line of a ticket's timeline: a message, or something that happened to the ticket between messages. */
    public record Item(MessageView message, TicketHistory.Entry event) {
        Instant at() {
            return message != null ? message.createdAt() : event.at();
        }
    }

    /** The messages and the events, by time (an event before a message of the same instant: opened comes first). */
    static List<Item> timeline(List<MessageView> messages, List<TicketHistory.Entry> events) {
        List<Item> items = new ArrayList<>(messages.size() + events.size());
        events.forEach(event -> items.add(new Item(null, event)));
        messages.forEach(message -> items.add(new Item(message, null)));
        items.sort(Comparator.comparing(Item::at).thenComparing(item -> item.message() != null));
        return items;
    }

    /** The largest file the panel shows; a larger one is not read (the platform's own app shows it). */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /**
     * A file of one of the ticket's messages (already read, and for an agent checked), read from the
     * platform that holds it (we keep only its reference): an image as an image, anything else as a
     * download that the browser never runs or shows in the page. Not there (another ticket's message, a
     * file the platform no longer has, a platform not connected here, too large): the 404 page.
     */
    public ResponseEntity<byte[]> file(TicketDetails ticket, long messageId, int index) {
        Attachment attachment = queries.conversation(ticket.ticketId()).stream().filter(m -> m.id() == messageId).findFirst()
                .filter(m -> index >= 0 && index < m.attachments().size()).map(m -> m.attachments().get(index))
                .orElseThrow(() -> new NotFoundException("file.not-found"));
        AttachmentFiles.FileRead read;
        try {
            read = files.read(attachment, MAX_FILE_BYTES);
        } catch (DeliveryFailure unreachable) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the file's platform cannot be reached now");
        }
        if (!read.found()) {
            throw new NotFoundException("file.not-found");
        }
        MediaType image = FileTypes.imageType(read.bytes());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                // besides the panel's headers (nosniff among them): a file opened on its own runs nothing
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate());
        String name = attachment.fileName() != null ? attachment.fileName() : attachment.kind().toLowerCase(Locale.ROOT);
        if (image != null) {
            return response.contentType(image).header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString()).body(read.bytes());
        }
        return response.contentType(MediaType.APPLICATION_OCTET_STREAM).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(read.bytes());
    }

    /** The printable page of a ticket's whole conversation (already read, and for an agent checked); its view. */
    public String transcript(Model model, TicketDetails ticket, String base) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("transcript", transcripts.of(ticket.number(), LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("back", base + "/" + ticket.number().value());
        return "transcript";
    }
}
