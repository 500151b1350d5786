package com.careregistry.core.notification;

import com.careregistry.core.account.Account;
import com.careregistry.core.account.Accounts;
import com.careregistry.core.account.Role;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.sla.ServiceLevelEvents.Breached;
import com.careregistry.core.sla.ServiceLevelEvents.DueSoon;
import com.careregistry.core.text.Texts;
import com.careregistry.core.text.Times;
import com.careregistry.core.ticket.Ticket;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the service-level watch found, told: a reminder before a due time in the ticket's staff topic
 * or thread (or to its agent in private), and at a breach the same place and an email to every
 * admin. Outbox rows, in the transaction that marks the notice sent.
 */
@Component
class ServiceLevelNotices {

    private final StaffNotices staff;
    private final Accounts accounts;
    private final Outbox outbox;
    private final Texts texts;

    ServiceLevelNotices(StaffNotices staff, Accounts accounts, Outbox outbox, Texts texts) {
        this.staff = staff;
        this.accounts = accounts;
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(DueSoon event) {
        Ticket ticket = event.ticket();
        String key = "staff.sla.due-soon." + target(event.target());
        staff.tell(ticket, language -> texts.get(language, key, ticket.number().toString(), Times.minute(event.due()),
                Times.span(event.left())));
    }

    @EventListener
    void on(Breached event) {
        Ticket ticket = event.ticket();
        String number = ticket.number().toString();
        String target = target(event.target());
        staff.tell(ticket, language -> texts.get(language, "staff.sla.breached." + target, number, Times.minute(event.due())));
        String language = Texts.normalize(null);
        for (Account admin : accounts.findByRole(Role.ADMIN)) {
            outbox.toEmail(admin.email(), texts.get(language, "email.sla.breached.subject." + target, number, ticket.subject()),
                    texts.get(language, "email.sla.breached.body." + target, number, ticket.subject(), Times.minute(event.due())),
                    ticket.id());
        }
    }

    private static String target(Enum<?> target) {
        return target.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
