package com.careregistry.core.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketMessageEdits extends JpaRepository<TicketMessageEdit, Long> {

    List<TicketMessageEdit> findByMessageIdOrderByIdAsc(Long messageId);
}
