package com.careregistry.core.sla;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ServiceLevels extends JpaRepository<ServiceLevel, Long> {

    /** Tickets with a reminder or a breach notice due by {@code now}, the most urgent first. */
    @Query("select s.ticketId from ServiceLevel s where s.nextNoticeAt <= :now order by s.nextNoticeAt")
    List<Long> withNoticeDueBy(Instant now, Pageable page);
}
