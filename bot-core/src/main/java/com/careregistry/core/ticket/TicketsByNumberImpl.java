package com.careregistry.core.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.Session;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TicketsByNumber} through Hibernate's natural-id access: the number is the ticket's natural
 * id ({@link Ticket}), which Hibernate resolves from the tickets the persistence context holds before
 * it asks the database.
 */
class TicketsByNumberImpl implements TicketsByNumber {

    @PersistenceContext
    private EntityManager entities;

    @Override
    @Transactional(readOnly = true)
    public Optional<Ticket> findByNumberAndCustomer(long number, Long customerId) {
        return entities.unwrap(Session.class).bySimpleNaturalId(Ticket.class).loadOptional(number)
                .filter(ticket -> ticket.customerId().equals(customerId));
    }
}
