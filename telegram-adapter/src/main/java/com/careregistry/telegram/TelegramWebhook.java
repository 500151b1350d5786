package com.careregistry.telegram;

import com.careregistry.core.inbox.Inbox;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook mode: Telegram posts each update here. The secret registered with the webhook
 * ({@code X-Telegram-Bot-Api-Secret-Token}) is checked before the body is read; without it, 401
 * and nothing is read or stored. A body over {@link #MAX_BODY_BYTES} is refused with 413 without
 * being buffered. An update is stored in the inbox and answered 200 as soon as it is durable,
 * whatever its handling will make of it later (a refusal is answered in the chat, not here), so
 * Telegram never redelivers an update because of what it says; only a database that cannot store
 * it makes the answer 503, and Telegram tries again.
 */
@RestController
@Conditional(TelegramAdapter.WebhookMode.class)
class TelegramWebhook {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Telegram's updates are a few kilobytes; a megabyte leaves room for any of them. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

    private final Inbox inbox;
    private final byte[] secret;

    TelegramWebhook(Inbox inbox, TelegramSettings settings) {
        this.inbox = inbox;
        this.secret = settings.webhookSecret() == null ? new byte[0] : settings.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("${careregistry.telegram.webhook-path:/telegram/webhook}")
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String given,
                                 @RequestHeader(name = "Content-Length", required = false) Long length, InputStream body)
            throws IOException {
        if (secret.length == 0 || given == null
                || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(401).build();
        }
        if (length != null && length > MAX_BODY_BYTES) {
            return ResponseEntity.status(413).build();
        }
        // a chunked body says no length: read at most one byte more than allowed
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return ResponseEntity.status(413).build();
        }
        JsonNode update;
        try {
            update = TelegramUpdates.JSON.readTree(bytes);
        } catch (IOException e) {
            update = null;
        }
        if (update == null || !update.isObject() || !update.path("update_id").canConvertToLong()) {
            log.warn("Telegram webhook: a body that is not an update");
            return ResponseEntity.badRequest().build();
        }
        try {
            inbox.append(TelegramUpdates.event(update));
        } catch (DataAccessException | TransactionException e) {
            log.warn("Telegram webhook: update {} could not be stored ({}); Telegram will send it again",
                    update.path("update_id").asText(), e.getMessage());
            return ResponseEntity.status(503).build();
        }
        return ResponseEntity.ok().build();
    }
}
