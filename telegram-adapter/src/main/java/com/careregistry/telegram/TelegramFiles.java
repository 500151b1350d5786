package com.careregistry.telegram;

import com.careregistry.core.files.ChatFiles;
import com.careregistry.core.files.FileGoneException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram keeps a customer's photos and documents behind file ids; this reads them (getFile,
 * then the download address under {@code TELEGRAM_API_URL}) when another platform's sender needs
 * the bytes. Telegram lets bots download files of up to 20 MB; larger ones are "too large".
 */
class TelegramFiles implements ChatFiles {

    private final TelegramClient client;
    private final OkHttpClient http;
    private final TelegramSettings settings;

    TelegramFiles(TelegramClient client, OkHttpClient http, TelegramSettings settings) {
        this.client = client;
        this.http = http;
        this.settings = settings;
    }

    /** Telegram's file ids are opaque tokens; addresses (with a scheme) belong to others. */
    @Override
    public boolean holds(String fileRef) {
        return fileRef != null && !fileRef.isBlank() && !fileRef.contains("://");
    }

    @Override
    public Optional<byte[]> read(String fileRef, long maxBytes) throws IOException {
        File file;
        try {
            file = client.execute(new GetFile(fileRef));
        } catch (TelegramApiRequestException e) {
            String description = String.valueOf(e.getApiResponse()).toLowerCase();
            if (description.contains("too big")) {
                return Optional.empty();
            }
            if (e.getErrorCode() != null && e.getErrorCode() == 400) {
                throw new FileGoneException("Telegram: " + e.getApiResponse());
            }
            throw new IOException("Telegram getFile failed: " + e.getMessage(), e);
        } catch (TelegramApiException e) {
            throw new IOException("Telegram unreachable: " + e.getMessage(), e);
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            return Optional.empty();
        }
        Request request = new Request.Builder().url(downloadUrl(file.getFilePath())).get().build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 404) {
                throw new FileGoneException("Telegram has no file at " + file.getFilePath());
            }
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new IOException("Telegram file download answered HTTP " + response.code());
            }
            try (InputStream in = body.byteStream()) {
                return ChatFiles.readAtMost(in, maxBytes);
            }
        }
    }

    private String downloadUrl(String filePath) {
        String base = settings.apiUrl().toString();
        return (base.endsWith("/") ? base : base + "/") + "file/bot" + settings.botToken() + "/" + filePath;
    }
}
