package com.careregistry.telegram;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.PropertySetCondition;
import com.careregistry.core.staff.StaffDesk;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram adapter's switch: off, and saying so once, without a bot token; with one, the bot
 * (polling or webhook), its sender for the outbox, and the staff desk.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramSettings.class)
public class TelegramAdapter {

    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);

    private final TelegramSettings settings;

    public TelegramAdapter(TelegramSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!settings.enabled()) {
            log.info("Telegram adapter is off: TELEGRAM_BOT_TOKEN is not set");
        } else {
            log.info("Telegram adapter is on ({} mode, Bot API at {}); staff work {}", settings.mode().name().toLowerCase(),
                    settings.apiUrl(), settings.staffGroup().map(g -> "in the supergroup " + g).orElse("in private chats"));
        }
    }

    /** True when {@code careregistry.telegram.bot-token} is set and not blank. */
    static class Enabled extends PropertySetCondition {
        Enabled() {
            super("careregistry.telegram.bot-token");
        }
    }

    /** True when the bot is on and receives updates through the webhook. */
    static class WebhookMode extends Enabled {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionOutcome enabled = super.getMatchOutcome(context, metadata);
            String mode = context.getEnvironment().getProperty("careregistry.telegram.mode", "polling");
            return enabled.isMatch() && "webhook".equalsIgnoreCase(mode.strip()) ? ConditionOutcome.match("webhook mode")
                    : ConditionOutcome.noMatch("not in webhook mode");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(Enabled.class)
    static class On {

        /** {@code scheme://host:port} of the Bot API, without a trailing slash. */
        static String baseUrl(TelegramSettings settings) {
            TelegramUrl url = urlOf(settings);
            return url.getSchema() + "://" + url.getHost() + ":" + url.getPort();
        }

        static TelegramUrl urlOf(TelegramSettings settings) {
            var api = settings.apiUrl();
            int port = api.getPort() > 0 ? api.getPort() : ("https".equals(api.getScheme()) ? 443 : 80);
            return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
        }

        /**
         * For sending; calls are short. telegrambots waits on OkHttp's asynchronous calls, which OkHttp
         * limits to 5 at a time per host by default: the outbox sends to many chats at once.
         */
        @Bean
        TelegramClient telegramClient(TelegramSettings settings) {
            Dispatcher calls = new Dispatcher();
            calls.setMaxRequests(64);
            calls.setMaxRequestsPerHost(64);
            OkHttpClient http = new OkHttpClient.Builder().dispatcher(calls).connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(30)).build();
            return new OkHttpTelegramClient(http, settings.botToken(), urlOf(settings));
        }

        /** Reads Telegram's files for another platform's sender (a Telegram photo shown in a Discord thread). */
        @Bean
        TelegramFiles telegramFiles(TelegramClient telegramClient, TelegramSettings settings) {
            OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(60)).build();
            return new TelegramFiles(telegramClient, http, settings);
        }

        @Bean
        TelegramSender telegramSender(TelegramClient telegramClient, TelegramSettings settings,
                                      com.careregistry.core.staff.StaffThreads staffThreads) {
            return new TelegramSender(telegramClient, settings, staffThreads, new TelegramRateLimiter(settings));
        }

        @Bean
        StaffDesk telegramStaffDesk(TelegramSettings settings) {
            return new StaffDesk() {
                @Override
                public Channel channel() {
                    return Channel.TELEGRAM;
                }

                @Override
                public Optional<String> groupChatId() {
                    return settings.staffGroup();
                }
            };
        }

        @Bean
        TelegramStartup telegramStartup(TelegramClient telegramClient, TelegramSettings settings,
                                        com.careregistry.core.text.Texts texts) {
            return new TelegramStartup(telegramClient, settings, texts);
        }

        @Bean
        TelegramPoller telegramPoller(TelegramSettings settings, com.careregistry.core.inbox.Inbox inbox,
                                      TelegramClient telegramClient) {
            return new TelegramPoller(settings, inbox, telegramClient);
        }
    }
}
