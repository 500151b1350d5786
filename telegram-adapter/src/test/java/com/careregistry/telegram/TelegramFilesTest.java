package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careregistry.core.files.FileGoneException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Telegram's files read for another platform's sender, with the real client against the Bot API double. */
class TelegramFilesTest {

    final TelegramApiDouble api = new TelegramApiDouble();
    final TelegramSettings settings = new TelegramSettings("123:token", URI.create(api.baseUrl()), null,
            TelegramSettings.Mode.POLLING, null, null, "/telegram/webhook", Duration.ofSeconds(1), Duration.ofMillis(5), Duration.ofSeconds(1), 20, 30,
            Duration.ofMillis(25), Duration.ofSeconds(3));
    final OkHttpClient http = new OkHttpClient();
    final TelegramFiles files = new TelegramFiles(
            new OkHttpTelegramClient(http, settings.botToken(), TelegramAdapter.On.urlOf(settings)), http, settings);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void onlyTelegramsOwnFileIdsAreItsToRead() {
        assertThat(files.holds("AgACAgIAAxkBAAIB")).isTrue();
        assertThat(files.holds("https://cdn.discordapp.com/attachments/1/2/a.png")).isFalse();
        assertThat(files.holds(" ")).isFalse();
    }

    @Test
    void aFileIsReadByItsIdAndAnUnknownOneIsGone() throws IOException {
        byte[] bytes = {1, 2, 3, (byte) 0xff, 0, 42};
        api.withFile("doc-1", "documents/file_1.pdf", bytes);

        assertThat(files.read("doc-1", 1024)).contains(bytes);
        assertThat(api.calls("getFile")).singleElement().satisfies(call -> assertThat(call.param("file_id")).isEqualTo("doc-1"));
        assertThat(files.read("doc-1", 5)).as("over the limit: not downloaded").isEmpty();
        assertThatThrownBy(() -> files.read("no-such-id", 1024)).isInstanceOf(FileGoneException.class);
    }
}
