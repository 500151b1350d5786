package com.careregistry.telegram;

import com.careregistry.core.text.Texts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * At start-up: registers the command menu, and in webhook mode the webhook with its secret.
 * A registration Telegram refuses stops the start with a clear message.
 */
class TelegramStartup implements InitializingBean {

    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query", "business_connection",
            "business_message", "edited_business_message");
    static final List<String> COMMANDS = List.of("start", "new", "tickets", "ticket", "close", "email", "language", "agent",
            "cancel", "help");
    private static final Logger log = LoggerFactory.getLogger(TelegramStartup.class);

    private final TelegramClient client;
    private final TelegramSettings settings;
    private final Texts texts;

    TelegramStartup(TelegramClient client, TelegramSettings settings, Texts texts) {
        this.client = client;
        this.settings = settings;
        this.texts = texts;
    }

    private List<BotCommand> menu(String language) {
        return COMMANDS.stream().map(command -> new BotCommand(command, texts.get(language, "bot.command." + command))).toList();
    }

    @Override
    public void afterPropertiesSet() {
        try {
            // the default menu in English, and one in each other language we speak, which Telegram shows
            // to users whose app is set to that language
            client.execute(new SetMyCommands(menu("en")));
            for (String language : Texts.SUPPORTED_LANGUAGES) {
                if (!language.equals("en")) {
                    client.execute(SetMyCommands.builder().commands(menu(language)).languageCode(language).build());
                }
            }
            if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
                if (settings.webhookUrl() == null || settings.webhookUrl().isBlank()
                        || settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
                    throw new IllegalStateException(
                            "TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET");
                }
                client.execute(SetWebhook.builder().url(settings.webhookUrl()).secretToken(settings.webhookSecret())
                        .allowedUpdates(ALLOWED_UPDATES).build());
                log.info("Telegram webhook registered at {}", settings.webhookUrl());
            }
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram refused the bot's registration at " + settings.apiUrl()
                    + " (check TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL): " + e.getMessage(), e);
        }
    }
}
