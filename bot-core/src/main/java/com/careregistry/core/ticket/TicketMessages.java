package com.careregistry.core.ticket;

import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TicketMessages extends JpaRepository<TicketMessage, Long> {

    List<TicketMessage> findByTicketIdOrderByIdAsc(Long ticketId);

    @Query("select m from TicketMessage m where m.ticketId = :ticketId order by m.id desc")
    List<TicketMessage> newestOfTicket(Long ticketId, Pageable page);

    Optional<TicketMessage> findFirstByChannelAndExternalMessageId(Channel channel, String externalMessageId);
}
