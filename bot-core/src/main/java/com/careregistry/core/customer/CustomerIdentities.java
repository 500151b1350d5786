package com.careregistry.core.customer;

import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CustomerIdentities extends JpaRepository<CustomerIdentity, Long> {

    Optional<CustomerIdentity> findByChannelAndExternalUserId(Channel channel, String externalUserId);

    List<CustomerIdentity> findByCustomerIdOrderByIdDesc(Long customerId);

    /**
     * The identity and its customer, read together (each message of a customer starts here), with the
     * conversation state of the chat they write in and the ticket that state says they are talking
     * about loaded into the persistence context on the way: the conversation asks for them next, and
     * finds them there without another round trip.
     */
    @Query("""
            select new com.careregistry.core.customer.CustomerIdentities$Known(i, c, s, t) from CustomerIdentity i
            join Customer c on c.id = i.customerId
            left join ConversationState s on s.key.channel = i.channel and s.key.chatId = :chatId and s.key.userId = i.externalUserId
            left join Ticket t on t.number = s.currentTicket and t.customerId = i.customerId
            where i.channel = :channel and i.externalUserId = :externalUserId
            """)
    Optional<Known> findWithCustomer(Channel channel, String externalUserId, String chatId);

    /**
     * @param conversation the chat's conversation state, if any, and {@code ticket} the ticket it names
     *                     (both loaded only to be found later; not used here)
     */
    record Known(CustomerIdentity identity, Customer customer, Object conversation, Object ticket) {
    }

    @Modifying
    @Query("update CustomerIdentity i set i.customerId = :into where i.customerId = :from")
    int moveAll(Long from, Long into);

    Optional<CustomerIdentity> findFirstByCustomerIdAndChannelOrderByIdDesc(Long customerId, Channel channel);
}
