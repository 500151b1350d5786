package com.careregistry.discord;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Discord bot's settings, from the environment (see the README).
 *
 * @param botToken        {@code DISCORD_BOT_TOKEN}; without it the adapter is off
 * @param apiUrl          {@code DISCORD_API_URL}, the REST base (a local server in tests)
 * @param gatewayUrl      {@code DISCORD_GATEWAY_URL}, empty to ask the REST API for it
 * @param staffChannelId  {@code DISCORD_STAFF_CHANNEL_ID}, the text channel whose threads hold tickets
 * @param guildId         {@code DISCORD_GUILD_ID}: slash commands are registered there (else globally)
 * @param supportChannelId {@code DISCORD_SUPPORT_CHANNEL_ID}, where the bot keeps its panel message
 * @param staffForumId    {@code DISCORD_STAFF_FORUM_ID}, the forum channel whose posts hold tickets (tagged with
 *                        their status and category); when set, it is used instead of the staff channel
 */
@ConfigurationProperties("careregistry.discord")
public record DiscordSettings(
        String botToken,
        @DefaultValue("https://discord.com/api/v10/") URI apiUrl,
        String gatewayUrl,
        String staffChannelId,
        String guildId,
        String supportChannelId,
        String staffForumId) {

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    /** True when the tickets are posts of a forum ({@code DISCORD_STAFF_FORUM_ID}) rather than threads of a text channel. */
    public boolean forumDesk() {
        return blankToNull(staffForumId) != null;
    }

    /**
     * The channel whose threads hold the tickets: the forum when one is set (it wins over the text
     * channel), else the staff text channel; null when there is neither (agents work in their DMs).
     */
    public String staffDeskId() {
        return forumDesk() ? blankToNull(staffForumId) : blankToNull(staffChannelId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
