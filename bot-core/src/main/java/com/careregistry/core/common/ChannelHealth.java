package com.careregistry.core.common;

import java.util.function.Supplier;

/**
 * How a chat adapter's link to its platform stands, for the service's health: the Telegram bot
 * polling (or its webhook registered), the Discord gateway connected. The adapters implement it;
 * the application shows each as a health component.
 */
public interface ChannelHealth {

    Channel channel();

    State state();

    /** The health of {@code channel}, as {@code state} tells it each time it is asked. */
    static ChannelHealth of(Channel channel, Supplier<State> state) {
        return new ChannelHealth() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public State state() {
                return state.get();
            }
        };
    }

    /** Up or not, and a short line an operator can act on. */
    record State(boolean up, String detail) {

        public static State up(String detail) {
            return new State(true, detail);
        }

        public static State down(String detail) {
            return new State(false, detail);
        }
    }
}
