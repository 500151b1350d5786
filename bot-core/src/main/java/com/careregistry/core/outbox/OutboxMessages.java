package com.careregistry.core.outbox;

import com.careregistry.core.common.Channel;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxMessages extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByStatusOrderByIdDesc(OutboxStatus status, Pageable page);

    List<OutboxMessage> findByTicketIdOrderByIdAsc(Long ticketId);

    long countByStatus(OutboxStatus status);

    @Query("""
            select m.ticketId from OutboxMessage m
            where m.channel = :channel and m.chatId = :chatId and m.externalMessageId = :messageId and m.ticketId is not null
            order by m.id desc
            """)
    List<Long> ticketOfSent(Channel channel, String chatId, String messageId, Pageable page);
}
