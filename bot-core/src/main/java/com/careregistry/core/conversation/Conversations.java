package com.careregistry.core.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Multi-step chat flows ("now describe your problem") keep their step here, in the database,
 * never in memory: a restart or a second instance continues where the user is. A step left
 * alone longer than its time to live is forgotten.
 */
@Service
public class Conversations {

    @ConfigurationProperties("careregistry.conversation")
    public record Settings(@DefaultValue("24h") Duration timeToLive) {
    }

    private final ConversationStates states;
    private final Settings settings;
    private final Clock clock;

    public Conversations(ConversationStates states, Settings settings, Clock clock) {
        this.states = states;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where this user is, unless they are at no step or their step expired. */
    @Transactional(readOnly = true)
    public Optional<ConversationState> current(ConversationKey key) {
        Instant now = clock.instant();
        return states.findById(key).filter(state -> !state.expiredAt(now));
    }

    /** Moves the user to {@code step}, keeping {@code data} for the steps to come. */
    @Transactional
    public ConversationState moveTo(ConversationKey key, String step, Map<String, String> data) {
        Instant now = clock.instant();
        Optional<ConversationState> known = states.findById(key);
        ConversationState state = known.orElseGet(() -> new ConversationState(key));
        state.moveTo(step, data, now, now.plus(settings.timeToLive()));
        // a state read in this transaction is written at its commit when it changed; only a new one is saved
        return known.isPresent() ? state : states.save(state);
    }

    /** The flow is over (done or cancelled). */
    @Transactional
    public void finish(ConversationKey key) {
        states.findById(key).ifPresent(states::delete);
    }

    @Transactional
    public int forgetExpired() {
        return states.deleteExpired(clock.instant());
    }
}
