package com.careregistry;

import com.careregistry.core.common.ChannelHealth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat adapters in {@code /actuator/health}: one component per adapter that is on ({@code
 * chat.telegram}: polling, or its webhook registered; {@code chat.discord}: the gateway connected).
 */
@Configuration(proxyBeanMethods = false)
class ChatHealth {

    @Bean
    CompositeHealthContributor chatHealthContributor(List<ChannelHealth> channels) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        for (ChannelHealth channel : channels) {
            indicators.put(channel.channel().name().toLowerCase(), () -> {
                ChannelHealth.State state = channel.state();
                return (state.up() ? Health.up() : Health.down()).withDetail("state", state.detail()).build();
            });
        }
        if (indicators.isEmpty()) {
            indicators.put("adapters", () -> Health.up().withDetail("state", "no chat adapter is on").build());
        }
        return CompositeHealthContributor.fromMap(indicators);
    }
}
