package com.careregistry.core.customer;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.common.NotFoundException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a chat user is: registers a customer the first time a chat identity reaches us (C1), and
 * finds them again every time after (C2: the chat identity is the sign-in).
 */
@Service
public class CustomerDirectory {

    private final Customers customers;
    private final CustomerIdentities identities;
    private final Clock clock;
    private final BatchCustomers batch;

    public CustomerDirectory(Customers customers, CustomerIdentities identities, Clock clock, BatchCustomers batch) {
        this.customers = customers;
        this.identities = identities;
        this.clock = clock;
        this.batch = batch;
    }

    /**
     * The customer behind this chat user, registered now if this is their first message. The language
     * follows what the chat client reports until the customer chooses one (C9).
     */
    @Transactional
    public Customer register(ChatUser user) {
        Optional<CustomerIdentities.Known> known = batch.readAhead(user)
                .or(() -> identities.findWithCustomer(user.channel(), user.externalUserId(), user.chatId()));
        if (known.isPresent()) {
            CustomerIdentity identity = known.get().identity();
            if (!identity.chatId().equals(user.chatId())) {
                identity.reachAt(user.chatId());
            }
            Customer customer = known.get().customer();
            customer.followClientLanguage(user.language());
            return customer;
        }
        Customer customer = customers.save(new Customer(user, clock.instant()));
        identities.saveAndFlush(new CustomerIdentity(customer.id(), user.channel(), user.externalUserId(), user.chatId(), clock.instant()));
        return customer;
    }

    /** The customer behind this chat user, if they ever wrote to us. */
    @Transactional(readOnly = true)
    public Optional<Customer> find(Channel channel, String externalUserId) {
        return identities.findByChannelAndExternalUserId(channel, externalUserId)
                .flatMap(identity -> customers.findById(identity.customerId()));
    }

    @Transactional(readOnly = true)
    public Customer get(Long customerId) {
        return customers.findById(customerId).orElseThrow(() -> new NotFoundException("customer.not-found"));
    }

    /** C9: the customer chooses the language of our texts. */
    @Transactional
    public Customer changeLanguage(Long customerId, String language) {
        Customer customer = get(customerId);
        customer.changeLanguage(language);
        return customer;
    }

    /** Where to reach the customer on a channel: the chat of their newest identity there. */
    @Transactional(readOnly = true)
    public Optional<ChatAddress> chatOf(Long customerId, Channel channel) {
        return identities.findFirstByCustomerIdAndChannelOrderByIdDesc(customerId, channel).map(CustomerIdentity::privateChat);
    }

    /**
     * C6: a customer proved (by an email code) that they are the customer who verified this email
     * before, from a new chat identity. Everything of the newer account (its chat identities, its
     * tickets, pending codes) now belongs to the earlier one, so they sign in as themselves again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer mergeInto(Long fromCustomerId, Long intoCustomerId) {
        Customer into = get(intoCustomerId);
        identities.moveAll(fromCustomerId, intoCustomerId);
        customers.moveTickets(fromCustomerId, intoCustomerId);
        customers.moveVerifications(fromCustomerId, intoCustomerId);
        return into;
    }
}
