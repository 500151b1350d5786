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

    /** The identity and its customer, read together (each message of a customer starts here). */
    @Query("""
            select new com.careregistry.core.customer.CustomerIdentities$Known(i, c) from CustomerIdentity i, Customer c
            where c.id = i.customerId and i.channel = :channel and i.externalUserId = :externalUserId
            """)
    Optional<Known> findWithCustomer(Channel channel, String externalUserId);

    record Known(CustomerIdentity identity, Customer customer) {
    }

    @Modifying
    @Query("update CustomerIdentity i set i.customerId = :into where i.customerId = :from")
    int moveAll(Long from, Long into);

    Optional<CustomerIdentity> findFirstByCustomerIdAndChannelOrderByIdDesc(Long customerId, Channel channel);
}
