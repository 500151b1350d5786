package com.careregistry.core.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TicketMessageEdits extends JpaRepository<TicketMessageEdit, Long> {

    List<TicketMessageEdit> findByMessageIdOrderByIdAsc(Long messageId);

    @Query("""
            select e from TicketMessageEdit e
            where e.messageId in (select m.id from TicketMessage m where m.ticketId = :ticketId)
            order by e.id asc
            """)
    List<TicketMessageEdit> ofTicket(@Param("ticketId") Long ticketId);
}
