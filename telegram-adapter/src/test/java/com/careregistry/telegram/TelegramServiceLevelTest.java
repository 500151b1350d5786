package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.sla.ServiceLevels;
import com.careregistry.core.sla.SlaWatch;
import com.careregistry.core.text.Times;
import com.careregistry.telegram.TelegramApiDouble.Call;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Service levels through the real client against the Telegram double, on a clock the test moves:
 * the customer is told when to expect an answer, the ticket's card in its topic says when it is due,
 * and a ticket nobody answers gets a reminder in its topic before the breach and a notice at it.
 */
class TelegramServiceLevelTest extends TelegramTest {

    static final long ANN = 711;

    @Autowired
    SlaWatch watch;
    @Autowired
    ServiceLevels levels;

    @Test
    void aTicketPastItsFirstAnswerTargetRaisesTheReminderAndTheBreachInItsTopic() {
        categories.promise(categories.active().get(0).id(), "30m", "");
        Instant opened = clock.instant();
        long number = openTicket(ANN, "Ann", "Printer jams");
        Call created = awaitMessage(ANN, t -> t.startsWith("Ticket #" + number));
        assertThat(created.param("text")).isEqualTo(escape("Ticket #" + number + " created\nWe usually answer within 30 min; the answer comes here."));

        int thread = topicThread(number);
        Call card = awaitMessage(STAFF_GROUP, "#" + number + " · Printer jams\nCustomer: Ann");
        assertThat(card.param("message_thread_id")).isEqualTo(String.valueOf(thread));
        Instant due = levels.findAll().get(0).firstResponseDue().orElseThrow();
        assertThat(Duration.between(opened, due)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(31));
        assertThat(card.param("text")).contains(escape("First answer due: " + Times.minute(due)));

        clock.advance(Duration.ofMinutes(10));
        assertThat(watch.check()).as("20 minutes left: no reminder yet").isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(watch.check()).isOne();
        Call reminder = awaitMessage(STAFF_GROUP, text -> text.startsWith(escape("⏰ #" + number + ": the first answer is due at "
                + Times.minute(due) + ", in ")));
        assertThat(reminder.param("message_thread_id")).as("in the ticket's own topic").isEqualTo(String.valueOf(thread));

        clock.advance(Duration.ofMinutes(15));
        assertThat(watch.check()).isOne();
        Call breach = awaitMessage(STAFF_GROUP, en("staff.sla.breached.first-response", "#" + number, Times.minute(due)));
        assertThat(breach.param("message_thread_id")).isEqualTo(String.valueOf(thread));
        assertThat(watch.check()).as("each notice once").isZero();
    }
}
