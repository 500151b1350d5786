package com.careregistry.core.agent;

import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgentIdentities extends JpaRepository<AgentIdentity, Long> {

    Optional<AgentIdentity> findByChannelAndExternalUserId(Channel channel, String externalUserId);

    List<AgentIdentity> findByAgentIdOrderByIdAsc(Long agentId);

    List<AgentIdentity> findAllByOrderByIdAsc();

    List<AgentIdentity> findByAgentIdAndChannel(Long agentId, Channel channel);
}
