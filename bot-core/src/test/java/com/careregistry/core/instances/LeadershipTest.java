package com.careregistry.core.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.InstanceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two instances contending for one role through the database: one holds it at a time; the one that
 * stops hands it over at once, and the other takes it up.
 */
class LeadershipTest extends CoreTest {

    static final LeaseSettings QUICK = new LeaseSettings(Duration.ofMillis(1200), Duration.ofMillis(100));

    @Autowired
    LockProvider locks;

    final List<String> happened = Collections.synchronizedList(new ArrayList<>());

    @Test
    void oneInstanceHoldsTheRoleAndTheOtherTakesItWhenItStops() {
        String role = "test-role-" + System.nanoTime();
        Leadership.Role first = new Leadership(locks, QUICK, new InstanceSettings("one")).contend(role, duties("one"));
        await().atMost(Duration.ofSeconds(5)).until(first::held);
        Leadership.Role second = new Leadership(locks, QUICK, new InstanceSettings("two")).contend(role, duties("two"));
        try {
            // several renewals later the first still holds it and the second has not taken it up
            await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(first.held()).isTrue();
            assertThat(second.held()).isFalse();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = ? AND lock_until > UTC_TIMESTAMP(3)",
                    Integer.class, role)).isOne();

            first.close();
            assertThat(first.held()).isFalse();
            await().atMost(Duration.ofMillis(600)).until(second::held);
            assertThat(happened).containsExactly("one takes up", "one steps down", "two takes up");
        } finally {
            first.close();
            second.close();
        }
        assertThat(happened).endsWith("two steps down");
    }

    private Leadership.Duties duties(String instance) {
        return new Leadership.Duties() {
            @Override
            public void takeUp() {
                happened.add(instance + " takes up");
            }

            @Override
            public void stepDown() {
                happened.add(instance + " steps down");
            }
        };
    }
}
