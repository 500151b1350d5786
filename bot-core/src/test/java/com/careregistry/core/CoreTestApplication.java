package com.careregistry.core;

import com.careregistry.core.common.Channel;
import com.careregistry.core.staff.StaffDesk;
import com.careregistry.testsupport.MutableClock;
import com.careregistry.testsupport.RecordingSender;
import com.careregistry.testsupport.ScriptedInboxHandler;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The core alone, as the tests run it: a movable clock, recording senders for both chat
 * channels, a Telegram staff group and Discord agents reached in private.
 */
@SpringBootApplication
public class CoreTestApplication {

    public static final String TELEGRAM_STAFF_GROUP = "-1001234567890";

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    RecordingSender telegramSender() {
        return new RecordingSender(Channel.TELEGRAM);
    }

    @Bean
    RecordingSender discordSender() {
        return new RecordingSender(Channel.DISCORD);
    }

    /** Telegram's inbox handler, scripted by each test. */
    @Bean
    ScriptedInboxHandler telegramInbox(com.careregistry.core.outbox.Outbox outbox, com.careregistry.core.text.Texts texts) {
        return new ScriptedInboxHandler(Channel.TELEGRAM, outbox, texts);
    }

    @Bean
    StaffDesk telegramStaffGroup() {
        return new StaffDesk() {
            @Override
            public Channel channel() {
                return Channel.TELEGRAM;
            }

            @Override
            public Optional<String> groupChatId() {
                return Optional.of(TELEGRAM_STAFF_GROUP);
            }
        };
    }

    @Bean
    StaffDesk discordAgentsInPrivate() {
        return new StaffDesk() {
            @Override
            public Channel channel() {
                return Channel.DISCORD;
            }

            @Override
            public Optional<String> groupChatId() {
                return Optional.empty();
            }
        };
    }
}
