package com.careregistry.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.CoreTest;
import com.careregistry.core.agent.AgentView;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.ticket.AssignAgent;
import com.careregistry.core.ticket.Ticket;
import com.careregistry.core.ticket.TicketStatus;
import com.careregistry.core.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Outbox rows are written in the transaction of their cause: they commit or roll back with it. */
class OutboxTransactionTest extends CoreTest {

    @Autowired
    AssignAgent assignAgent;
    @Autowired
    Tickets tickets;
    @Autowired
    Outbox outbox;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void rolledBackCommandLeavesNoOutboxRows() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        Ticket ticket = open(ann, "Phone is dead");
        long rowsBefore = outboxRows.count();

        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            assignAgent.assign(ticket.number(), maria.id());
            assertThat(outboxRows.count()).as("written inside the transaction").isGreaterThan(rowsBefore);
            throw new IllegalStateException("something after the assignment failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outboxRows.count()).isEqualTo(rowsBefore);
        assertThat(tickets.findByNumber(ticket.number().value()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void committedCommandLeavesItsRows() {
        Customer ann = customer("Ann");
        AgentView maria = agent("Maria");
        Ticket ticket = open(ann, "Phone is dead");
        assignAgent.assign(ticket.number(), maria.id());

        assertThat(outbox()).filteredOn(row -> row.ticketId() != null).extracting(OutboxMessage::channel)
                .containsExactly(Channel.TELEGRAM, Channel.TELEGRAM, Channel.EMAIL, Channel.TELEGRAM);
        assertThat(outbox()).allSatisfy(row -> assertThat(row.status()).isEqualTo(OutboxStatus.PENDING));
    }

    @Test
    void outboxRefusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> outbox.toChat(ChatAddress.of(Channel.TELEGRAM, "42"), "hello"))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThat(outboxRows.count()).isZero();
    }
}
