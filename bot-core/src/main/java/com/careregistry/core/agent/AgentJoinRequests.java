package com.careregistry.core.agent;

import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgentJoinRequests extends JpaRepository<AgentJoinRequest, Long> {

    List<AgentJoinRequest> findByStatusOrderByCreatedAtAsc(JoinRequestStatus status);

    List<AgentJoinRequest> findByStatusNotOrderByCreatedAtDesc(JoinRequestStatus status, Limit limit);

    Optional<AgentJoinRequest> findFirstByChannelAndExternalUserIdAndStatus(Channel channel, String externalUserId,
                                                                            JoinRequestStatus status);
}
