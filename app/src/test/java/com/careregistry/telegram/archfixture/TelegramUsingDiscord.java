package com.careregistry.telegram.archfixture;

import com.careregistry.discord.DiscordSettings;

/** Breaks the adapter rule on purpose (test code only): Telegram code reading Discord's settings. */
public class TelegramUsingDiscord {

    public boolean discordOn(DiscordSettings settings) {
        return settings.enabled();
    }
}
