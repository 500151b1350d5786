package com.careregistry.core.staff;

import com.careregistry.core.common.Channel;
import java.util.Optional;

/**
 * The port through which a chat adapter tells the core where its staff works: a group with one
 * thread per ticket (a Telegram forum supergroup, a Discord channel), or, when there is none,
 * the assigned agent's private chat with the bot. Only adapters that are on provide one.
 */
public interface StaffDesk {

    Channel channel();

    /** The staff group's chat id; empty when agents are reached in private. */
    Optional<String> groupChatId();
}
