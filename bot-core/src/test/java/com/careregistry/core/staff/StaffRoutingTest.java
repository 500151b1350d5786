package com.careregistry.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where agents work on a ticket: one desk, chosen by setting or by the customer's platform. */
class StaffRoutingTest {

    static StaffDesk desk(Channel channel, String group) {
        return new StaffDesk() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public Optional<String> groupChatId() {
                return Optional.ofNullable(group);
            }
        };
    }

    final StaffDesk telegramGroup = desk(Channel.TELEGRAM, "-100");
    final StaffDesk discordGroup = desk(Channel.DISCORD, "555");
    final StaffDesk discordPrivate = desk(Channel.DISCORD, null);

    @Test
    void theCustomersOwnPlatformWhenItHasAStaffGroup() {
        StaffRouting routing = new StaffRouting(List.of(telegramGroup, discordGroup), new StaffRouting.Settings(null));
        assertThat(routing.deskFor(Channel.TELEGRAM)).containsSame(telegramGroup);
        assertThat(routing.deskFor(Channel.DISCORD)).containsSame(discordGroup);
    }

    @Test
    void elseTheOtherPlatformsStaffGroup() {
        StaffRouting routing = new StaffRouting(List.of(telegramGroup, discordPrivate), new StaffRouting.Settings(null));
        assertThat(routing.deskFor(Channel.DISCORD)).containsSame(telegramGroup);
    }

    @Test
    void theSettingWinsWhateverPlatformTheCustomerUses() {
        StaffRouting routing = new StaffRouting(List.of(telegramGroup, discordGroup), new StaffRouting.Settings(Channel.DISCORD));
        assertThat(routing.deskFor(Channel.TELEGRAM)).containsSame(discordGroup);
    }

    @Test
    void withoutAnyGroupAgentsAreReachedInPrivateOnTheCustomersPlatform() {
        StaffDesk telegramPrivate = desk(Channel.TELEGRAM, null);
        StaffRouting routing = new StaffRouting(List.of(telegramPrivate, discordPrivate), new StaffRouting.Settings(null));
        assertThat(routing.deskFor(Channel.DISCORD)).containsSame(discordPrivate);
        assertThat(new StaffRouting(List.of(), new StaffRouting.Settings(null)).deskFor(Channel.TELEGRAM)).isEmpty();
    }
}
