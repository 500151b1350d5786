package com.careregistry.discord;

import com.careregistry.core.canned.ManageCannedAnswers;
import com.careregistry.core.common.Channel;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.text.Texts;
import com.careregistry.discord.DiscordEvent.ThreadMessage;
import java.util.List;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff's slash command in a ticket's thread: {@code /canned name}, the name completed as it is
 * typed from the canned answers the agent can send (the desk's and their own). Completion is read
 * at once (Discord waits three seconds for it); the command itself is stored in the inbox as the
 * agent's {@code /canned name} in the thread, handled like the typed one, and acknowledged to the
 * agent alone.
 */
class DiscordStaffCommands extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DiscordStaffCommands.class);

    static final String CANNED = "canned";
    static final String NAME = "name";

    private final Inbox inbox;
    private final ManageCannedAnswers canned;
    private final Texts texts;
    private final String staffChannelId;

    DiscordStaffCommands(Inbox inbox, ManageCannedAnswers canned, Texts texts, DiscordSettings settings) {
        this.inbox = inbox;
        this.canned = canned;
        this.texts = texts;
        this.staffChannelId = settings.staffDeskId();
    }

    /** {@code /canned}, in servers only (customers write to the bot in DMs, where it is not offered). */
    static CommandData command(Texts texts) {
        return Commands.slash(CANNED, texts.get("en", "staff.command.canned"))
                .setDescriptionLocalizations(DiscordBot.translated(texts, "staff.command.canned"))
                .setContexts(InteractionContextType.GUILD)
                .addOptions(new OptionData(OptionType.STRING, NAME, texts.get("en", "web.canned.name"), true).setAutoComplete(true));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!CANNED.equals(event.getName()) || !NAME.equals(event.getFocusedOption().getName())) {
            return;
        }
        List<String> names;
        try {
            names = canned.namesLike(Channel.DISCORD, event.getUser().getId(), event.getFocusedOption().getValue());
        } catch (RuntimeException e) {
            log.warn("Canned answers could not be read for completion: {}", e.toString());
            names = List.of();
        }
        event.replyChoiceStrings(names).queue();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!CANNED.equals(event.getName())) {
            return;
        }
        String language = Texts.normalize(DiscordBot.reported(event.getUserLocale()));
        if (!inStaffThread(event.getChannel())) {
            event.reply(texts.get(language, "staff.canned.not-here")).setEphemeral(true).queue();
            return;
        }
        OptionMapping option = event.getOption(NAME);
        String name = option == null ? "" : option.getAsString().strip();
        ThreadMessage typed = new ThreadMessage(DiscordBot.who(event.getUser(), event.getUserLocale()), staffChannelId,
                event.getChannel().getId(), event.getId(), "/" + CANNED + " " + name, List.of());
        try {
            inbox.append(typed.toInbox(event.getId()));
        } catch (RuntimeException e) {
            log.warn("Discord interaction {} could not be stored: {}", event.getId(), e.toString());
            event.reply(texts.get(language, "inbox.unavailable")).setEphemeral(true).queue();
            return;
        }
        event.reply(texts.get(language, "staff.canned.sending", name)).setEphemeral(true).queue();
    }

    private boolean inStaffThread(MessageChannelUnion channel) {
        return staffChannelId != null && channel.getType().isThread()
                && staffChannelId.equals(channel.asThreadChannel().getParentChannel().getId());
    }
}
