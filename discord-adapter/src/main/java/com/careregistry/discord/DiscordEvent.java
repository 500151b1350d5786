package com.careregistry.discord;

import com.careregistry.core.chat.CustomerCommand;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.inbox.InboundEvent;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A Discord event as the inbox stores it: what the listener read of the gateway event or the
 * interaction, typed, and enough to handle it later without JDA's cache (which knows, for instance,
 * which channel a thread belongs to). Stored as JSON with a {@code kind}.
 */
sealed interface DiscordEvent {

    /** Who did it: their user id (also their DM chat with the bot), shown name and Discord locale (interactions only). */
    record Who(String id, String name, String locale) {
        ChatUser chatUser() {
            return new ChatUser(Channel.DISCORD, id, id, name, locale);
        }
    }

    Who who();

    /** A customer's direct message to the bot. */
    record DirectMessage(Who who, String channel, String message, String text, List<Attachment> files) implements DiscordEvent {
    }

    /** A message in a ticket's thread of the staff channel. */
    record ThreadMessage(Who who, String staffChannel, String thread, String message, String text, List<Attachment> files)
            implements DiscordEvent {
        ChatAddress address() {
            return new ChatAddress(Channel.DISCORD, staffChannel, thread);
        }
    }

    /** A customer edited one of their direct messages. */
    record DirectMessageEdit(Who who, String channel, String message, String text) implements DiscordEvent {
    }

    /** An agent (or anyone) edited a message in a ticket's thread of the staff channel. */
    record ThreadMessageEdit(Who who, String staffChannel, String thread, String message, String text) implements DiscordEvent {
        ChatAddress address() {
            return new ChatAddress(Channel.DISCORD, staffChannel, thread);
        }
    }

    /** A slash command, as the typed command it is to the core (no text in between). */
    record SlashCommand(Who who, CustomerCommand command) implements DiscordEvent {
    }

    /** The new-ticket form: the chosen category (null when there was no choice, or not one of ours) and the description. */
    record TicketForm(Who who, Long category, String description) implements DiscordEvent {
    }

    /** The rating form's optional comment. */
    record RatingComment(Who who, long ticket, String comment) implements DiscordEvent {
    }

    /** The stars of a rating, pressed in the DMs. */
    record Stars(Who who, long ticket, int stars) implements DiscordEvent {
    }

    /** A button a customer pressed in the DMs or on the support channel's panel. */
    record CustomerButton(Who who, String action) implements DiscordEvent {
    }

    /** A button pressed in a ticket's thread (Claim, Resolve). */
    record StaffButton(Who who, String staffChannel, String thread, String action) implements DiscordEvent {
        ChatAddress address() {
            return new ChatAddress(Channel.DISCORD, staffChannel, thread);
        }
    }

    /** The inbox entry for this event: customers' events in order per customer, staff events per thread. */
    default InboundEvent toInbox(String eventId) {
        String key = Channel.DISCORD + ":" + staffThread().map(t -> t.chatId() + ":" + t.threadId()).orElse(who().id());
        return new InboundEvent(Channel.DISCORD, eventId, key, write(this).toString());
    }

    /** The staff thread the event happened in; none for a customer's event. */
    default java.util.Optional<ChatAddress> staffThread() {
        if (this instanceof ThreadMessage m) {
            return java.util.Optional.of(m.address());
        }
        if (this instanceof ThreadMessageEdit e) {
            return java.util.Optional.of(e.address());
        }
        return this instanceof StaffButton b ? java.util.Optional.of(b.address()) : java.util.Optional.empty();
    }

    static DataObject write(DiscordEvent event) {
        DataObject json = DataObject.empty().put("who", DataObject.empty().put("id", event.who().id())
                .put("name", event.who().name()).put("locale", event.who().locale()));
        if (event instanceof DirectMessage m) {
            json.put("kind", "dm").put("channel", m.channel()).put("message", m.message()).put("text", m.text())
                    .put("files", files(m.files()));
        } else if (event instanceof ThreadMessage m) {
            json.put("kind", "thread").put("staffChannel", m.staffChannel()).put("thread", m.thread())
                    .put("message", m.message()).put("text", m.text()).put("files", files(m.files()));
        } else if (event instanceof DirectMessageEdit e) {
            json.put("kind", "dm-edit").put("channel", e.channel()).put("message", e.message()).put("text", e.text());
        } else if (event instanceof ThreadMessageEdit e) {
            json.put("kind", "thread-edit").put("staffChannel", e.staffChannel()).put("thread", e.thread())
                    .put("message", e.message()).put("text", e.text());
        } else if (event instanceof SlashCommand c) {
            json.put("kind", "command").put("name", c.command().name().name()).put("argument", c.command().argument());
        } else if (event instanceof TicketForm f) {
            json.put("kind", "ticket-form").put("category", f.category()).put("description", f.description());
        } else if (event instanceof RatingComment r) {
            json.put("kind", "rating-comment").put("ticket", r.ticket()).put("comment", r.comment());
        } else if (event instanceof Stars s) {
            json.put("kind", "stars").put("ticket", s.ticket()).put("stars", s.stars());
        } else if (event instanceof CustomerButton b) {
            json.put("kind", "button").put("action", b.action());
        } else if (event instanceof StaffButton b) {
            json.put("kind", "staff-button").put("staffChannel", b.staffChannel()).put("thread", b.thread())
                    .put("action", b.action());
        }
        return json;
    }

    static DiscordEvent read(String payload) {
        DataObject json = DataObject.fromJson(payload);
        DataObject who = json.getObject("who");
        Who by = new Who(who.getString("id"), who.getString("name", null), who.getString("locale", null));
        String kind = json.getString("kind");
        return switch (kind) {
            case "dm" -> new DirectMessage(by, json.getString("channel"), json.getString("message"), json.getString("text", null),
                    files(json.getArray("files")));
            case "thread" -> new ThreadMessage(by, json.getString("staffChannel"), json.getString("thread"), json.getString("message"),
                    json.getString("text", null), files(json.getArray("files")));
            case "dm-edit" -> new DirectMessageEdit(by, json.getString("channel"), json.getString("message"), json.getString("text", null));
            case "thread-edit" -> new ThreadMessageEdit(by, json.getString("staffChannel"), json.getString("thread"),
                    json.getString("message"), json.getString("text", null));
            case "command" -> new SlashCommand(by, command(json));
            case "ticket-form" -> new TicketForm(by, json.isNull("category") ? null : json.getLong("category"),
                    json.getString("description", ""));
            case "rating-comment" -> new RatingComment(by, json.getLong("ticket"), json.getString("comment", ""));
            case "stars" -> new Stars(by, json.getLong("ticket"), json.getInt("stars"));
            case "button" -> new CustomerButton(by, json.getString("action"));
            case "staff-button" -> new StaffButton(by, json.getString("staffChannel"), json.getString("thread"), json.getString("action"));
            default -> throw new IllegalArgumentException("unknown Discord event kind " + kind);
        };
    }

    /** A stored command; one stored by an earlier version as its typed text is read as that text. */
    private static CustomerCommand command(DataObject json) {
        if (json.hasKey("typed")) {
            return CustomerCommand.parse(json.getString("typed")).orElse(CustomerCommand.of(CustomerCommand.Name.HELP));
        }
        return new CustomerCommand(CustomerCommand.Name.valueOf(json.getString("name")), json.getString("argument", ""));
    }

    private static DataArray files(List<Attachment> files) {
        DataArray array = DataArray.empty();
        files.forEach(file -> array.add(DataObject.empty().put("kind", file.kind()).put("ref", file.fileRef()).put("name", file.fileName())));
        return array;
    }

    private static List<Attachment> files(DataArray array) {
        List<Attachment> files = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            DataObject file = array.getObject(i);
            files.add(new Attachment(file.getString("kind"), file.getString("ref"), file.getString("name", null)));
        }
        return files;
    }
}
