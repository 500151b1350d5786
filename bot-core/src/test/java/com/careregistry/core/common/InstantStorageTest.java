package com.careregistry.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.customer.Customer;
import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.Inbox;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Types;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Whoever writes an instant (Hibernate or the inbox's plain JDBC), MariaDB holds its UTC date-time, to the microsecond, and gives it back. */
class InstantStorageTest extends CoreTest {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    @Autowired
    Inbox inbox;
    @Autowired
    EntityManagerFactory entities;

    @Test
    void hibernateHandsInstantsToTheDriverAsTheyAre() {
        assertThat(entities.unwrap(SessionFactoryImplementor.class).getTypeConfiguration().getJdbcTypeRegistry().getDescriptor(Types.TIMESTAMP))
                .isInstanceOf(InstantsAsTheyAre.class);
    }

    @Test
    void anInstantIsStoredAsItsUtcDateTimeAndReadBackTheSame() {
        String expected = UTC.format(clock.instant());

        Customer ann = customer("Ann");   // Hibernate writes created_at
        inbox.append(new InboundEvent(Channel.TELEGRAM, "1", "TELEGRAM:chat-Ann", "{}"));   // plain JDBC writes received_at

        assertThat(jdbc.queryForObject("SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s.%f') FROM customers WHERE id = ?",
                String.class, ann.id())).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT DATE_FORMAT(received_at, '%Y-%m-%d %H:%i:%s.%f') FROM inbox_events WHERE external_event_id = '1'",
                String.class)).isEqualTo(expected);
        assertThat(customers.get(ann.id()).createdAt()).isEqualTo(clock.instant());
    }
}
