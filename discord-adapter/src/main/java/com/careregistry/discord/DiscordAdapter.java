package com.careregistry.discord;

import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.chat.CustomerConversation;
import com.careregistry.core.common.ChannelHealth;
import com.careregistry.core.common.PropertySetCondition;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The Discord adapter's switch: off, and saying so once, without a bot token; with one, the bot
 * (JDA, pointed at {@code DISCORD_API_URL} and {@code DISCORD_GATEWAY_URL}) and its sender.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscordSettings.class)
public class DiscordAdapter {

    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

    private final DiscordSettings settings;

    public DiscordAdapter(DiscordSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!settings.enabled()) {
            log.info("Discord adapter is off: DISCORD_BOT_TOKEN is not set");
        } else {
            boolean threads = settings.staffChannelId() != null && !settings.staffChannelId().isBlank();
            log.info("Discord adapter is on (REST at {}): customers are served in direct messages and by slash commands; {}",
                    settings.apiUrl(), threads ? "ticket threads are made in channel " + settings.staffChannelId().strip()
                            : "no DISCORD_STAFF_CHANNEL_ID, so Discord agents answer in their direct messages");
        }
    }

    /** True when {@code careregistry.discord.bot-token} is set and not blank. */
    static class Enabled extends PropertySetCondition {
        Enabled() {
            super("careregistry.discord.bot-token");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(Enabled.class)
    static class On {

        @Bean
        DiscordBot discordBot(Inbox inbox, CustomerConversation customers, ManageCategories categories, Texts texts,
                              DiscordSettings settings) {
            return new DiscordBot(inbox, customers, categories, texts, settings);
        }

        /** Handles the stored Discord events on the inbox's workers. */
        @Bean
        DiscordInbox discordInbox(CustomerConversation customers, com.careregistry.core.chat.StaffConversation staff,
                                  Outbox outbox, Texts texts) {
            return new DiscordInbox(customers, staff, outbox, texts);
        }

        /** Staff's {@code /canned} in a ticket's thread, with completion. */
        @Bean
        DiscordStaffCommands discordStaffCommands(Inbox inbox, com.careregistry.core.canned.ManageCannedAnswers canned, Texts texts,
                                                  DiscordSettings settings) {
            return new DiscordStaffCommands(inbox, canned, texts, settings);
        }

        /** The gateway, held by one instance at a time; that one logs in (see {@link #login}). */
        @Bean
        DiscordGateway discordGateway(DiscordSettings settings, DiscordBot bot, DiscordStaffCommands staffCommands,
                                      com.careregistry.core.instances.Leadership leadership) {
            return new DiscordGateway(leadership, settings, () -> login(settings, bot, staffCommands));
        }

        /** Logs in without waiting for the gateway: until it is ready, the outbox simply retries. */
        static JDA login(DiscordSettings settings, DiscordBot bot, DiscordStaffCommands staffCommands) {
            String api = settings.apiUrl().toString();
            JDABuilder builder = JDABuilder.createLight(settings.botToken(), GatewayIntent.DIRECT_MESSAGES,
                            GatewayIntent.MESSAGE_CONTENT, GatewayIntent.GUILD_MESSAGES)
                    .setRestConfig(new RestConfig().setBaseUrl(api.endsWith("/") ? api : api + "/"))
                    .addEventListeners(bot, staffCommands);
            if (settings.gatewayUrl() != null && !settings.gatewayUrl().isBlank()) {
                String gateway = settings.gatewayUrl().strip();
                builder.setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                });
                if (gateway.startsWith("ws://")) {
                    builder.setCompression(Compression.NONE);
                }
            }
            return builder.build();
        }

        /** Up while the gateway is connected; JDA reconnects on its own and says how it stands. */
        @Bean
        ChannelHealth discordHealth(DiscordGateway gateway) {
            return ChannelHealth.of(com.careregistry.core.common.Channel.DISCORD, gateway::health);
        }

        /** Reads attachments at Discord's CDN addresses (and only there) for the senders that upload copies. */
        @Bean
        DiscordFiles discordFiles(DiscordSettings settings) {
            return new DiscordFiles(settings);
        }

        @Bean
        DiscordSender discordSender(DiscordGateway gateway, DiscordSettings settings, com.careregistry.core.staff.StaffThreads threads,
                                    com.careregistry.core.files.AttachmentFiles files, Texts texts) {
            return new DiscordSender(gateway, settings, threads, files, texts);
        }

        /** Agents work in threads of DISCORD_STAFF_CHANNEL_ID; without it, in their DMs with the bot. */
        @Bean
        com.careregistry.core.staff.StaffDesk discordStaffDesk(DiscordSettings settings) {
            return new com.careregistry.core.staff.StaffDesk() {
                @Override
                public com.careregistry.core.common.Channel channel() {
                    return com.careregistry.core.common.Channel.DISCORD;
                }

                @Override
                public java.util.Optional<String> groupChatId() {
                    return settings.staffChannelId() == null || settings.staffChannelId().isBlank() ? java.util.Optional.empty()
                            : java.util.Optional.of(settings.staffChannelId().strip());
                }
            };
        }
    }
}
