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
import net.dv8tion.jda.api.utils.cache.CacheFlag;
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
            log.info("Discord adapter is on (REST at {}): customers are served in direct messages and by slash commands; {}",
                    settings.apiUrl(), desk(settings));
        }
    }

    /** Where Discord agents work, as the start-up line says it. */
    static String desk(DiscordSettings settings) {
        boolean channel = settings.staffChannelId() != null && !settings.staffChannelId().isBlank();
        if (settings.forumDesk()) {
            return "each ticket is a post in forum channel " + settings.staffDeskId() + ", tagged with its status and category"
                    + (channel ? " (DISCORD_STAFF_CHANNEL_ID " + settings.staffChannelId().strip()
                            + " is set too and is not used: DISCORD_STAFF_FORUM_ID wins)" : "");
        }
        return channel ? "ticket threads are made in channel " + settings.staffDeskId()
                : "no DISCORD_STAFF_FORUM_ID nor DISCORD_STAFF_CHANNEL_ID, so Discord agents answer in their direct messages";
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
            if (settings.forumDesk()) {
                builder.enableCache(CacheFlag.FORUM_TAGS);   // a light client keeps no forum tags: the forum desk reads and sets them
            }
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

        /** The forum's tags (one per status, one per category) and each post's; idle without DISCORD_STAFF_FORUM_ID. */
        @Bean
        DiscordForumTags discordForumTags(com.careregistry.core.ticket.TicketQueries tickets, ManageCategories categories, Texts texts) {
            return new DiscordForumTags(tickets, categories, texts);
        }

        @Bean
        DiscordSender discordSender(DiscordGateway gateway, DiscordSettings settings, com.careregistry.core.staff.StaffThreads threads,
                                    com.careregistry.core.files.AttachmentFiles files, Texts texts, DiscordForumTags forumTags) {
            return new DiscordSender(gateway, settings, threads, files, texts, forumTags);
        }

        /** Agents work in posts of DISCORD_STAFF_FORUM_ID, else in threads of DISCORD_STAFF_CHANNEL_ID; without either, in their DMs with the bot. */
        @Bean
        com.careregistry.core.staff.StaffDesk discordStaffDesk(DiscordSettings settings) {
            return new com.careregistry.core.staff.StaffDesk() {
                @Override
                public com.careregistry.core.common.Channel channel() {
                    return com.careregistry.core.common.Channel.DISCORD;
                }

                @Override
                public java.util.Optional<String> groupChatId() {
                    return java.util.Optional.ofNullable(settings.staffDeskId());
                }
            };
        }
    }
}
