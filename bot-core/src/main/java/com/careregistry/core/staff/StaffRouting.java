package com.careregistry.core.staff;

import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Where agents work on a ticket: one staff desk, whatever platform the customer uses.
 * {@code CCR_STAFF_CHAT} ({@code telegram} or {@code discord}) names it; without it, the customer's
 * own platform when it has a staff group, else another platform's staff group, else the customer's
 * platform with agents reached in private.
 */
@Service
public class StaffRouting {

    /** @param staffChat the platform where agents work, or empty to follow the customer's */
    @ConfigurationProperties("careregistry")
    public record Settings(Channel staffChat) {
    }

    private final List<StaffDesk> desks;
    private final Settings settings;

    public StaffRouting(List<StaffDesk> desks, Settings settings) {
        this.desks = desks;
        this.settings = settings;
    }

    public Optional<StaffDesk> deskFor(Channel customerChannel) {
        if (settings.staffChat() != null) {
            Optional<StaffDesk> chosen = on(settings.staffChat());
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        Optional<StaffDesk> own = on(customerChannel);
        if (own.isPresent() && own.get().groupChatId().isPresent()) {
            return own;
        }
        Optional<StaffDesk> otherGroup = desks.stream().filter(d -> d.groupChatId().isPresent()).findFirst();
        return otherGroup.isPresent() ? otherGroup : own.or(() -> desks.stream().findFirst());
    }

    private Optional<StaffDesk> on(Channel channel) {
        return desks.stream().filter(d -> d.channel() == channel).findFirst();
    }
}
