package com.careregistry.discord;

import com.careregistry.core.common.ChannelHealth;
import com.careregistry.core.instances.Leadership;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import org.springframework.context.SmartLifecycle;

/**
 * This bot's Discord gateway, which one instance holds at a time: of several instances on one
 * database, the one holding the role logs in (JDA: the gateway's events, and the REST calls the
 * sender makes) and the others stand by, their Discord outbox rows waiting for the holder; when it
 * dies another logs in within seconds ({@link Leadership}).
 */
class DiscordGateway implements SmartLifecycle {

    private final Leadership.Contention holding;
    private final Supplier<JDA> login;
    private volatile JDA jda;

    DiscordGateway(Leadership leadership, DiscordSettings settings, Supplier<JDA> login) {
        this.login = login;
        String where = settings.gatewayUrl() == null ? "" : settings.gatewayUrl();
        this.holding = leadership.contention("discord-gateway:" + Integer.toHexString((settings.botToken() + "@" + where).hashCode()),
                new Leadership.Duties() {
                    @Override
                    public void takeUp() {
                        jda = DiscordGateway.this.login.get();   // logs in without waiting for the gateway: until it is ready, the outbox waits
                    }

                    @Override
                    public void stepDown() {
                        JDA client = jda;
                        jda = null;
                        if (client != null) {
                            client.shutdownNow();
                        }
                    }
                });
    }

    /** The logged-in client while this instance holds the gateway; null otherwise. */
    JDA jda() {
        return jda;
    }

    boolean connected() {
        JDA client = jda;
        return client != null && client.getStatus() == JDA.Status.CONNECTED;
    }

    ChannelHealth.State health() {
        JDA client = jda;
        if (client == null) {
            return holding.contending() ? ChannelHealth.State.up("standing by: another instance holds the gateway")
                    : ChannelHealth.State.down("not started");
        }
        JDA.Status status = client.getStatus();
        String detail = "gateway " + status.name().toLowerCase().replace('_', ' ');
        return status == JDA.Status.CONNECTED ? ChannelHealth.State.up(detail + ", " + client.getGatewayPing() + " ms ping")
                : ChannelHealth.State.down(detail);
    }

    @Override
    public void start() {
        holding.start();
    }

    @Override
    public void stop() {
        holding.stop();
    }

    @Override
    public boolean isRunning() {
        return holding.contending();
    }
}
