package com.careregistry.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode: Telegram posts each update here. An update is taken only with the secret that
 * was registered with the webhook ({@code X-Telegram-Bot-Api-Secret-Token}); otherwise 401 and
 * nothing is recorded. The body is read with Jackson 2, which telegrambots' types are made for.
 */
@RestController
@Conditional(TelegramAdapter.WebhookMode.class)
class TelegramWebhook {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final TelegramBot bot;
    private final byte[] secret;

    TelegramWebhook(TelegramBot bot, TelegramSettings settings) {
        this.bot = bot;
        this.secret = settings.webhookSecret() == null ? new byte[0] : settings.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("${careregistry.telegram.webhook-path:/telegram/webhook}")
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String given,
                                 @RequestBody(required = false) byte[] body) {
        if (secret.length == 0 || given == null
                || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(401).build();
        }
        Update update;
        try {
            update = JSON.readValue(body == null ? new byte[0] : body, Update.class);
        } catch (IOException e) {
            log.warn("Telegram webhook: an update that is not one ({})", e.getMessage());
            return ResponseEntity.badRequest().build();
        }
        bot.handle(update);
        return ResponseEntity.ok().build();
    }
}
