package com.careregistry.core.customer;

import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerIdentities extends JpaRepository<CustomerIdentity, Long> {

    Optional<CustomerIdentity> findByChannelAndExternalUserId(Channel channel, String externalUserId);

    List<CustomerIdentity> findByCustomerIdOrderByIdDesc(Long customerId);

    Optional<CustomerIdentity> findFirstByCustomerIdAndChannelOrderByIdDesc(Long customerId, Channel channel);
}
