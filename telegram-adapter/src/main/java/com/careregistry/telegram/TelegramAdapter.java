package com.careregistry.telegram;

import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChannelHealth;
import com.careregistry.core.common.PropertySetCondition;
import com.careregistry.core.staff.StaffDesk;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
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

        @Bean
        TelegramRateLimiter telegramRateLimiter(TelegramSettings settings) {
            return new TelegramRateLimiter(settings);
        }

        /**
         * For sending. Each call runs on the thread that makes it: telegrambots waits on OkHttp's
         * asynchronous calls, and a hand-off to OkHttp's own threads would put a second scheduling delay
         * between a rate-limit slot and the request leaving. The client's event listener tells the
         * limiter when a request was written, on that same thread, so a message counts from then.
         */
        @Bean
        OkHttpClient telegramSendHttp(TelegramRateLimiter limiter) {
            Dispatcher calls = new Dispatcher(new OnCallersThread());
            calls.setMaxRequests(1024);          // never queued: a queued call would run on the thread of the call
            calls.setMaxRequestsPerHost(1024);   // that finishes before it, after that one's own
            // as many kept-alive connections as sends in flight (OkHttp keeps 5 idle by default: the rest
            // would be closed after each call and opened again for the next), swept without a thread
            // hand-off per call
            ConnectionPool connections = QuietConnectionPool.create(256, Duration.ofMinutes(5));
            OkHttpClient http = new OkHttpClient.Builder().dispatcher(calls).connectionPool(connections).connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(30)).eventListener(new okhttp3.EventListener() {
                        @Override
                        public void requestHeadersEnd(Call call, Request request) {
                            if (request.body() == null) {
                                limiter.sent();
                            }
                        }

                        @Override
                        public void requestBodyEnd(Call call, long byteCount) {
                            limiter.sent();
                        }
                    }).build();
            return http;
        }

        @Bean
        TelegramClient telegramClient(TelegramSettings settings, OkHttpClient telegramSendHttp) {
            return new OkHttpTelegramClient(telegramSendHttp, settings.botToken(), urlOf(settings));
        }

        /** A relay's and its receipt's calls, on the same connections as the client's ({@link TelegramCalls}). */
        @Bean
        TelegramCalls telegramCalls(TelegramSettings settings, OkHttpClient telegramSendHttp) {
            return new TelegramCalls(telegramSendHttp, baseUrl(settings), settings.botToken());
        }

        /** Runs each task on the thread that hands it over (OkHttp's dispatcher, for calls made on the sender's thread). */
        static final class OnCallersThread extends AbstractExecutorService {
            private volatile boolean shutDown;

            @Override
            public void execute(Runnable task) {
                task.run();
            }

            @Override
            public void shutdown() {
                shutDown = true;
            }

            @Override
            public List<Runnable> shutdownNow() {
                shutDown = true;
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return shutDown;
            }

            @Override
            public boolean isTerminated() {
                return shutDown;
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) {
                return true;
            }
        }

        /** Reads Telegram's files for another platform's sender (a Telegram photo shown in a Discord thread). */
        @Bean
        TelegramFiles telegramFiles(TelegramClient telegramClient, TelegramSettings settings) {
            OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(60)).build();
            return new TelegramFiles(telegramClient, http, settings);
        }

        @Bean
        TelegramBotProfile telegramBotProfile(TelegramClient telegramClient, java.time.Clock clock) {
            return new TelegramBotProfile(telegramClient, clock);
        }

        @Bean
        TelegramSender telegramSender(TelegramClient telegramClient, TelegramCalls telegramCalls, TelegramSettings settings,
                                      com.careregistry.core.staff.StaffThreads staffThreads, TelegramRateLimiter limiter,
                                      TelegramBotProfile profile, com.careregistry.core.topic.CustomerTopics customerTopics,
                                      com.careregistry.core.business.BusinessConnections business, java.time.Clock clock) {
            return new TelegramSender(telegramClient, telegramCalls, settings, staffThreads, limiter, profile, customerTopics, business, clock);
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

        /** Polling: up while polls come back; webhook: registered at start-up (the service does not start otherwise). */
        @Bean
        ChannelHealth telegramHealth(TelegramSettings settings, TelegramPoller poller) {
            return ChannelHealth.of(Channel.TELEGRAM, () -> settings.mode() == TelegramSettings.Mode.WEBHOOK
                    ? ChannelHealth.State.up("webhook registered at " + settings.webhookUrl())
                    : poller.health());
        }

        @Bean
        TelegramPoller telegramPoller(TelegramSettings settings, com.careregistry.core.inbox.Inbox inbox,
                                      com.careregistry.core.instances.Leadership leadership) {
            // a client of its own, whose asynchronous calls (answers to button presses) do not hold up the poll
            OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build();
            return new TelegramPoller(settings, inbox, new OkHttpTelegramClient(http, settings.botToken(), urlOf(settings)), leadership);
        }
    }
}
