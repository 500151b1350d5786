package com.careregistry.core.outbox;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxMessages extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByStatusOrderByIdDesc(OutboxStatus status, Pageable page);

    List<OutboxMessage> findByTicketIdOrderByIdAsc(Long ticketId);

    long countByStatus(OutboxStatus status);
}
