package com.careregistry.core.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketDescriptionEdits extends JpaRepository<TicketDescriptionEdit, Long> {

    List<TicketDescriptionEdit> findByTicketIdOrderByIdAsc(Long ticketId);
}
