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
 */
@ConfigurationProperties("careregistry.discord")
public record DiscordSettings(
        String botToken,
        @DefaultValue("https://discord.com/api/v10/") URI apiUrl,
        String gatewayUrl,
        String staffChannelId,
        String guildId,
        String supportChannelId) {

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }
}
