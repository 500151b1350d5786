package com.careregistry.core.agent;

import com.careregistry.core.common.Channel;
import java.time.Instant;

/** A request to join as an agent, as the panel lists it. */
public record JoinRequestView(long id, Channel channel, String displayName, String note, JoinRequestStatus status,
                              Instant createdAt, Instant decidedAt) {

    static JoinRequestView of(AgentJoinRequest request) {
        return new JoinRequestView(request.id(), request.channel(), request.displayName(), request.note(), request.status(),
                request.createdAt(), request.decidedAt());
    }
}
