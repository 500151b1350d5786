package com.careregistry.core.ticket;

import java.util.Optional;

/** Finding a customer's ticket by its number, where the persistence context often has it already. */
public interface TicketsByNumber {

    /**
     * The ticket with this number, when it is this customer's. A ticket this transaction has loaded
     * already (as the query that finds who wrote does, for the ticket they are talking about) comes
     * from the persistence context without a query; any other is read by its number.
     */
    Optional<Ticket> findByNumberAndCustomer(long number, Long customerId);
}
