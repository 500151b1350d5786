package com.careregistry.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.CoreTestApplication;
import com.careregistry.core.account.StaffAccounts;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.outbox.OutboxMessage;
import com.careregistry.core.text.Times;
import com.careregistry.core.ticket.MessageContent;
import com.careregistry.core.ticket.PostAgentMessage;
import com.careregistry.core.ticket.ResolveTicket;
import com.careregistry.core.ticket.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With a category that promises a first answer within 30 minutes and a resolution within 4 hours
 * (the desk works all day, reminders 15 minutes ahead): the ticket's staff topic is reminded before
 * a due time and told at the breach, the admins get an email at the breach, each once; an answer
 * or a resolution in time stops them.
 */
class SlaWatchTest extends CoreTest {

    static final String STAFF = CoreTestApplication.TELEGRAM_STAFF_GROUP;

    @Autowired
    SlaWatch watch;
    @Autowired
    ServiceLevels levels;
    @Autowired
    SlaStats stats;
    @Autowired
    PostAgentMessage postAgentMessage;
    @Autowired
    ResolveTicket resolveTicket;
    @Autowired
    StaffAccounts staffAccounts;

    Customer ann;

    @BeforeEach
    void generalPromisesHalfAnHourAndFourHours() {
        categories.promise(categories.active().get(0).id(), "30m", "4h");
        ann = customer("Ann");
        staffAccounts.createAdmin("boss@example.com", "first long password");
    }

    @Test
    void aTicketPastItsFirstResponseTargetIsRemindedThenBreachedOnce() {
        Instant opened = clock.instant();
        Ticket ticket = open(ann, "Printer jams");
        String number = ticket.number().toString();
        Instant due = opened.plus(Duration.ofMinutes(30));
        assertThat(levels.findById(ticket.id()).orElseThrow().firstResponseDue()).contains(due);
        assertThat(outboxBodiesTo(STAFF).get(0)).as("the staff card says when").contains("First answer due: " + Times.minute(due))
                .contains("Resolution due: " + Times.minute(opened.plus(Duration.ofHours(4))));

        clock.advance(Duration.ofMinutes(14));
        assertThat(watch.check()).as("16 minutes before the due time").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(watch.check()).isOne();
        assertThat(last(STAFF)).isEqualTo(en("staff.sla.due-soon.first-response", number, Times.minute(due), "14 min"));
        assertThat(watch.check()).as("reminded once").isZero();

        clock.advance(Duration.ofMinutes(14));
        assertThat(watch.check()).as("at the due time itself: not yet late").isZero();
        assertThat(stats.now().overdueNow()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(watch.check()).isOne();
        assertThat(last(STAFF)).isEqualTo(en("staff.sla.breached.first-response", number, Times.minute(due)));
        OutboxMessage email = outbox().stream().filter(row -> "boss@example.com".equals(row.emailTo())).findFirst().orElseThrow();
        assertThat(email.subject()).isEqualTo(en("email.sla.breached.subject.first-response", number, "Printer jams"));
        assertThat(email.body()).contains(Times.minute(due));
        assertThat(watch.check()).as("breached once").isZero();

        SlaStats.Stats now = stats.now();
        assertThat(now.firstResponsesLate()).isOne();
        assertThat(now.resolutionsLate()).isZero();
        assertThat(now.overdueNow()).isOne();
    }

    @Test
    void anAnswerInTimeStopsTheFirstResponseClockAndAResolutionInTimeTheOther() {
        AgentView maria = agent("Maria");
        Ticket ticket = open(ann, "Screen flickers");
        Instant opened = clock.instant();
        clock.advance(Duration.ofMinutes(10));
        postAgentMessage.post(new PostAgentMessage.Command(maria.id(), ticket.number(),
                MessageContent.text("Which model is it?", Channel.TELEGRAM, null)));
        assertThat(levels.findById(ticket.id()).orElseThrow().nextDue()).as("now it waits on the resolution")
                .contains(opened.plus(Duration.ofHours(4)));

        clock.advance(Duration.ofMinutes(30));
        assertThat(watch.check()).as("answered in time: no reminder, no breach").isZero();

        clock.advance(Duration.ofHours(3).plusMinutes(6));   // 3 h 46 min after opening: 14 minutes left
        assertThat(watch.check()).isOne();
        assertThat(last(STAFF)).startsWith("⏰ " + ticket.number() + ": the resolution is due");
        resolveTicket.resolve(ticket.number(), maria.id());
        clock.advance(Duration.ofHours(1));
        assertThat(watch.check()).as("resolved in time").isZero();
        assertThat(levels.findById(ticket.id()).orElseThrow().nextDue()).isEmpty();

        SlaStats.Stats now = stats.now();
        assertThat(now.firstResponsesLate()).isZero();
        assertThat(now.resolutionsLate()).isZero();
    }

    @Test
    void aCategoryThatPromisesNothingHasNoDueTimes() {
        categories.promise(categories.active().get(0).id(), "", "");
        Ticket ticket = open(ann, "Just a question");
        assertThat(levels.findById(ticket.id())).isEmpty();
        clock.advance(Duration.ofDays(2));
        assertThat(watch.check()).isZero();
    }

    private String last(String chatId) {
        List<String> bodies = outboxBodiesTo(chatId);
        return bodies.get(bodies.size() - 1);
    }
}
