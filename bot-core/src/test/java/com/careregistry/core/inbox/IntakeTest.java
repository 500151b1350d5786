package com.careregistry.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.Tickets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IntakeTest extends CoreTest {

    @Autowired
    Intake intake;
    @Autowired
    Tickets tickets;
    @Autowired
    Outbox outbox;

    @Test
    void sameEventTwiceHasExactlyOneEffect() {
        Customer ann = customer("Ann");
        InboundEvent update = new InboundEvent(Channel.TELEGRAM, "update-4711");
        Runnable opening = () -> openTicket.open(new OpenTicketCommand(ann.id(), null, "Phone is dead", Channel.TELEGRAM));

        assertThat(intake.once(update, opening, refusal -> { })).isEqualTo(Intake.Outcome.HANDLED);
        assertThat(intake.once(update, opening, refusal -> { })).isEqualTo(Intake.Outcome.DUPLICATE);

        assertThat(tickets.count()).isEqualTo(1);
        assertThat(intake.seen(update)).isTrue();
        assertThat(intake.seen(new InboundEvent(Channel.DISCORD, "update-4711"))).isFalse();
    }

    @Test
    void sameEventDeliveredConcurrentlyStillHasOneEffect() throws Exception {
        Customer ann = customer("Ann");
        InboundEvent update = new InboundEvent(Channel.TELEGRAM, "update-race");
        Callable<Intake.Outcome> delivery = () -> intake.once(update,
                () -> openTicket.open(new OpenTicketCommand(ann.id(), null, "Phone is dead", Channel.TELEGRAM)), refusal -> { });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Intake.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(delivery));
            }
            List<Intake.Outcome> results = new ArrayList<>();
            for (Future<Intake.Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsOnlyOnce(Intake.Outcome.HANDLED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(tickets.count()).isEqualTo(1);
    }

    @Test
    void refusedEventLeavesNothingOfItsEffectAndIsAnsweredOnce() {
        Customer ann = customer("Ann");
        InboundEvent update = new InboundEvent(Channel.TELEGRAM, "update-empty");
        ChatAddress annsChat = ChatAddress.of(Channel.TELEGRAM, "chat-Ann");
        Runnable emptyTicket = () -> openTicket.open(new OpenTicketCommand(ann.id(), null, "  ", Channel.TELEGRAM));

        for (int delivery = 0; delivery < 2; delivery++) {
            intake.once(update, emptyTicket, refusal -> outbox.toChat(annsChat, texts.explain("en", refusal)));
        }

        assertThat(tickets.count()).isZero();
        assertThat(outboxBodiesTo("chat-Ann")).containsExactly("Query cannot be empty!");
    }

    @Test
    void effectThatFailsHalfwayLeavesNoTraceAndCanBeRedelivered() {
        Customer ann = customer("Ann");
        InboundEvent update = new InboundEvent(Channel.TELEGRAM, "update-crash");
        try {
            intake.once(update, () -> {
                openTicket.open(new OpenTicketCommand(ann.id(), null, "Phone is dead", Channel.TELEGRAM));
                throw new IllegalStateException("the process died here");
            }, refusal -> { });
        } catch (IllegalStateException expected) {
            // the platform will deliver the event again
        }
        assertThat(tickets.count()).isZero();
        assertThat(intake.seen(update)).isFalse();
        assertThat(outbox()).isEmpty();

        intake.once(update, () -> openTicket.open(new OpenTicketCommand(ann.id(), null, "Phone is dead", Channel.TELEGRAM)),
                refusal -> { });
        assertThat(tickets.count()).isEqualTo(1);
    }
}
