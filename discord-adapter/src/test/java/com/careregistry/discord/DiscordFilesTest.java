package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.files.FileGoneException;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Only Discord's own addresses are read, with the size limit kept. */
class DiscordFilesTest {

    final DiscordApiDouble discord = new DiscordApiDouble();
    final DiscordFiles files = new DiscordFiles(new DiscordSettings("t", URI.create(discord.restBaseUrl()), null, null, null, null, null));

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    void discordsAddressesAreItsAndNoOthers() {
        assertThat(files.holds("https://cdn.discordapp.com/attachments/1/2/crack.png?ex=1&is=2&hm=3")).isTrue();
        assertThat(files.holds("https://media.discordapp.net/attachments/1/2/crack.png")).isTrue();
        assertThat(files.holds(discord.cdnFile("a.png", new byte[1]))).as("the configured API's host").isTrue();
        assertThat(files.holds("https://cdn.discordapp.com.evil.example/x.png")).isFalse();
        assertThat(files.holds("http://169.254.169.254/latest/meta-data/")).isFalse();
        assertThat(files.holds("AgACAgIAAxkBAAIB")).as("a Telegram file id").isFalse();
        assertThat(files.holds("https://exa mple.com/x")).isFalse();
    }

    @Test
    void aFileIsReadWithinTheLimitAndAMissingOneIsGone() throws IOException {
        byte[] bytes = {9, 8, 7, 6};
        String url = discord.cdnFile("b.bin", bytes);
        assertThat(files.read(url, 10)).contains(bytes);
        assertThat(files.read(url, 3)).isEmpty();
        assertThatThrownBy(() -> files.read(url.replace("b.bin", "c.bin"), 10)).isInstanceOf(FileGoneException.class);
    }
}
