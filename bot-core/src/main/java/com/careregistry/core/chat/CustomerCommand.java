package com.careregistry.core.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * What a customer asks the bot for by name, the same typed value however it was asked: typed as a
 * text ({@code /ticket 1042}, {@code /ticket@our_bot 1042}) and read by {@link #parse}, or picked
 * from a platform's own command menu (Discord's slash commands), which the adapter turns straight
 * into one without writing a text for the core to read again.
 */
public record CustomerCommand(Name name, String argument) {

    /** The commands the bot knows; anything else typed after a {@code /} is {@link #UNKNOWN}. */
    public enum Name {
        START, NEW, TICKETS, TICKET, CLOSE, TRANSCRIPT, EMAIL, LANGUAGE, AGENT, CANCEL, SKIP, HELP, UNKNOWN;

        static Name of(String typed) {
            for (Name name : values()) {
                if (name != UNKNOWN && name.name().toLowerCase(Locale.ROOT).equals(typed)) {
                    return name;
                }
            }
            return UNKNOWN;
        }
    }

    public CustomerCommand {
        argument = argument == null ? "" : argument.strip();
    }

    public static CustomerCommand of(Name name) {
        return new CustomerCommand(name, "");
    }

    /** A typed text read as a command when it starts with {@code /}; empty for any other text. */
    public static Optional<CustomerCommand> parse(String text) {
        return CommandText.parse(text).map(command -> new CustomerCommand(Name.of(command.name()), command.argument()));
    }
}
