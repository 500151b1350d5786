package com.careregistry.core.conversation;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ConversationStates extends JpaRepository<ConversationState, ConversationKey> {

    @Modifying
    @Query("delete from ConversationState s where s.expiresAt <= :now")
    int deleteExpired(Instant now);
}
