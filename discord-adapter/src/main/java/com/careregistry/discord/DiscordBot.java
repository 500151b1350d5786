package com.careregistry.discord;

import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.chat.CustomerCommand.Name;
import com.careregistry.core.chat.CustomerCommand;
import com.careregistry.core.chat.CustomerConversation;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.ChatAction;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.OpenTicketCommand;
import com.careregistry.core.ticket.RateTicket;
import com.careregistry.core.ticket.TicketNumber;
import com.careregistry.discord.DiscordEvent.CustomerButton;
import com.careregistry.discord.DiscordEvent.DirectMessage;
import com.careregistry.discord.DiscordEvent.DirectMessageEdit;
import com.careregistry.discord.DiscordEvent.RatingComment;
import com.careregistry.discord.DiscordEvent.SlashCommand;
import com.careregistry.discord.DiscordEvent.StaffButton;
import com.careregistry.discord.DiscordEvent.Stars;
import com.careregistry.discord.DiscordEvent.ThreadMessage;
import com.careregistry.discord.DiscordEvent.ThreadMessageEdit;
import com.careregistry.discord.DiscordEvent.TicketForm;
import com.careregistry.discord.DiscordEvent.Who;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord events in. The listener's only work with an event is to store it in the inbox (as a
 * {@link DiscordEvent}: what it read of it) and then to acknowledge the interaction; the inbox's
 * workers handle it afterwards ({@link DiscordInbox}), once per event id, in order per customer
 * and per staff thread. Only what Discord must have at once is answered here: a form to fill in
 * (a modal can only be the first answer to an interaction) and the ephemeral acknowledgement. An
 * event that cannot be stored is answered, when it is an interaction, with a request to try again.
 */
class DiscordBot extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    static final String NEW_TICKET_FORM = "new-ticket";
    static final String DESCRIPTION = "description";
    static final String CATEGORY = "category";
    /** The rating form's id is {@code rate-comment:<ticket number>}. */
    static final String RATING_FORM = "rate-comment";
    static final String COMMENT = "comment";
    /** Discord lets a select menu hold at most 25 options; with more categories the choice is asked in the DMs. */
    static final int MAX_SELECT_OPTIONS = 25;

    private final Inbox inbox;
    private final CustomerConversation customers;
    private final Texts texts;
    private final String guildId;
    private final String staffChannelId;
    private final String supportChannelId;
    private final ManageCategories categories;

    DiscordBot(Inbox inbox, CustomerConversation customers, ManageCategories categories, Texts texts, DiscordSettings settings) {
        this.categories = categories;
        this.guildId = blankToNull(settings.guildId());
        this.staffChannelId = settings.staffDeskId();   // the staff text channel, or the forum that takes its place
        this.supportChannelId = blankToNull(settings.supportChannelId());
        this.inbox = inbox;
        this.customers = customers;
        this.texts = texts;
    }

    /**
     * The slash commands, registered at start-up (in DISCORD_GUILD_ID when set, else globally),
     * described in English and in each Discord locale whose language we speak.
     */
    static List<CommandData> commands(Texts texts) {
        return List.of(
                Commands.slash("ticket", texts.get("en", "bot.command.tickets"))
                        .setDescriptionLocalizations(translated(texts, "bot.command.tickets")).addSubcommands(
                        subcommand(texts, "new", "bot.command.new"),
                        subcommand(texts, "list", "bot.command.tickets"),
                        subcommand(texts, "show", "bot.command.ticket").addOption(OptionType.STRING, "number", "#1042", true),
                        subcommand(texts, "close", "bot.command.close")),
                Commands.slash("email", texts.get("en", "bot.command.email"))
                        .setDescriptionLocalizations(translated(texts, "bot.command.email")),
                Commands.slash("language", texts.get("en", "bot.command.language"))
                        .setDescriptionLocalizations(translated(texts, "bot.command.language")),
                Commands.slash("agent", texts.get("en", "bot.command.agent"))
                        .setDescriptionLocalizations(translated(texts, "bot.command.agent"))
                        .addOptions(new OptionData(OptionType.STRING, "note", texts.get("en", "bot.command.agent"), false)
                                .setDescriptionLocalizations(translated(texts, "bot.command.agent"))),
                DiscordStaffCommands.command(texts));
    }

    private static SubcommandData subcommand(Texts texts, String name, String key) {
        return new SubcommandData(name, texts.get("en", key)).setDescriptionLocalizations(translated(texts, key));
    }

    /** The text in every Discord locale whose language has a bundle (Discord allows 100 characters). */
    static Map<DiscordLocale, String> translated(Texts texts, String key) {
        Map<DiscordLocale, String> translations = new EnumMap<>(DiscordLocale.class);
        for (DiscordLocale locale : DiscordLocale.values()) {
            String language = Texts.normalize(reported(locale));
            if (!language.equals("en") && Texts.SUPPORTED_LANGUAGES.contains(language)) {
                String text = texts.get(language, key);
                translations.put(locale, text.length() <= 100 ? text : text.substring(0, 99) + "…");
            }
        }
        return translations;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.getAuthor().isBot()) {
            return;
        }
        Message message = event.getMessage();
        if (event.getChannelType().isThread() && staffChannelId != null
                && staffChannelId.equals(event.getChannel().asThreadChannel().getParentChannel().getId())) {
            store(message.getId(), new ThreadMessage(who(event.getAuthor(), null), staffChannelId, event.getChannel().getId(),
                    message.getId(), message.getContentRaw(), attachments(message)));
        } else if (event.isFromType(ChannelType.PRIVATE)) {
            store(message.getId(), new DirectMessage(who(event.getAuthor(), null), event.getChannel().getId(), message.getId(),
                    message.getContentRaw(), attachments(message)));
        }
    }

    /**
     * A customer edited one of their direct messages: the core keeps the earlier text and tells staff.
     * An agent edited theirs in a ticket's thread: the core keeps the earlier text and edits the customer's copy.
     */
    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        if (event.getAuthor().isBot()) {
            return;
        }
        Message message = event.getMessage();
        String eventId = message.getId() + ":edit:" + (message.getTimeEdited() == null ? "" : message.getTimeEdited().toInstant().toEpochMilli());
        if (event.isFromType(ChannelType.PRIVATE)) {
            store(eventId, new DirectMessageEdit(who(event.getAuthor(), null), event.getChannel().getId(), message.getId(),
                    message.getContentRaw()));
        } else if (event.getChannelType().isThread() && staffChannelId != null
                && staffChannelId.equals(event.getChannel().asThreadChannel().getParentChannel().getId())) {
            store(eventId, new ThreadMessageEdit(who(event.getAuthor(), null), staffChannelId, event.getChannel().getId(),
                    message.getId(), message.getContentRaw()));
        }
    }

    /**
     * A slash command: acknowledged at once (ephemerally), then answered in the customer's DMs by
     * the same conversation as a typed command would be.
     */
    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (DiscordStaffCommands.CANNED.equals(event.getName())) {
            return;   // staff's, answered by DiscordStaffCommands
        }
        ChatUser user = chatUser(event.getUser(), event.getUserLocale());
        if ("ticket".equals(event.getName()) && "new".equals(event.getSubcommandName())) {
            event.replyModal(newTicketForm(customers.languageOf(user))).queue();
            return;
        }
        CustomerCommand command = switch (event.getName()) {
            case "ticket" -> switch (String.valueOf(event.getSubcommandName())) {
                case "list" -> CustomerCommand.of(Name.TICKETS);
                case "show" -> new CustomerCommand(Name.TICKET, option(event, "number"));
                case "close" -> CustomerCommand.of(Name.CLOSE);
                default -> CustomerCommand.of(Name.HELP);
            };
            case "email" -> CustomerCommand.of(Name.EMAIL);
            case "language" -> CustomerCommand.of(Name.LANGUAGE);
            case "agent" -> new CustomerCommand(Name.AGENT, option(event, "note"));
            default -> CustomerCommand.of(Name.HELP);
        };
        if (stored(event, new SlashCommand(who(event.getUser(), event.getUserLocale()), command), user)) {
            event.reply(texts.get(customers.languageOf(user), "bot.discord.answered-in-dm")).setEphemeral(true).queue();
        }
    }

    /**
     * A form was sent: the new-ticket form opens the ticket in the chosen category (or the reason it
     * cannot is told in the DMs); the rating form adds the optional comment.
     */
    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        ChatUser user = chatUser(event.getUser(), event.getUserLocale());
        String formId = event.getModalId();
        Who who = who(event.getUser(), event.getUserLocale());
        if (NEW_TICKET_FORM.equals(formId)) {
            if (stored(event, new TicketForm(who, chosenCategory(event), value(event, DESCRIPTION)), user)) {
                event.reply(texts.get(customers.languageOf(user), "bot.discord.answered-in-dm")).setEphemeral(true).queue();
            }
        } else if (formId.startsWith(RATING_FORM + ":")) {
            TicketNumber number = TicketNumber.parse(formId.substring(RATING_FORM.length() + 1));
            if (stored(event, new RatingComment(who, number.value(), value(event, COMMENT)), user)) {
                event.reply(texts.get(customers.languageOf(user), "customer.rate.thanks")).setEphemeral(true).queue();
            }
        }
    }

    /**
     * The new-ticket form: the description and, when there is a choice to make, the category (a
     * select menu). With more categories than a select menu holds, the choice is asked in the DMs.
     */
    Modal newTicketForm(String language) {
        TextInput description = TextInput.create(DESCRIPTION, TextInputStyle.PARAGRAPH).setRequired(true)
                .setMaxLength(Math.min(OpenTicketCommand.MAX_DESCRIPTION_LENGTH, TextInput.MAX_VALUE_LENGTH)).build();
        Modal.Builder form = Modal.create(NEW_TICKET_FORM, texts.get(language, "bot.menu.new"));
        List<CategoryView> active = categories.active();
        if (active.size() > 1 && active.size() <= MAX_SELECT_OPTIONS) {
            StringSelectMenu.Builder choice = StringSelectMenu.create(CATEGORY).setRequiredRange(1, 1);
            active.forEach(category -> choice.addOption(category.name(), String.valueOf(category.id())));
            form.addComponents(Label.of(texts.get(language, "bot.discord.category"), choice.build()));
        }
        return form.addComponents(Label.of(texts.get(language, "bot.discord.describe"), description)).build();
    }

    /** The rating form: the stars are already given with the button; the comment is optional. */
    Modal ratingForm(String language, TicketNumber number) {
        TextInput comment = TextInput.create(COMMENT, TextInputStyle.PARAGRAPH).setRequired(false)
                .setMaxLength(RateTicket.MAX_COMMENT_LENGTH).build();
        return Modal.create(RATING_FORM + ":" + number.value(), texts.get(language, "bot.discord.rate-title", number.toString()))
                .addComponents(Label.of(texts.get(language, "bot.discord.rate-comment"), comment)).build();
    }

    private static Long chosenCategory(ModalInteractionEvent event) {
        ModalMapping choice = event.getValue(CATEGORY);
        if (choice == null || choice.getAsStringList().isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(choice.getAsStringList().get(0));
        } catch (NumberFormatException e) {
            return null;   // not one of ours: the choice is asked in the DMs
        }
    }

    private static String value(ModalInteractionEvent event, String id) {
        ModalMapping value = event.getValue(id);
        return value == null || value.getAsString() == null ? "" : value.getAsString();
    }

    /**
     * A button of one of our messages: in a staff thread it is the staff's (Claim, Resolve); in the
     * DMs or on the support channel's panel it is the customer's. New ticket opens the form, the
     * stars of a rating open the comment form (the stars count at once), the rest goes to the
     * conversation, answered in the DMs.
     */
    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        ChatUser user = chatUser(event.getUser(), event.getUserLocale());
        String action = event.getComponentId();
        Who who = who(event.getUser(), event.getUserLocale());
        if (event.getChannelType().isThread()) {
            String staffChannel = staffChannelId == null ? event.getChannel().getId() : staffChannelId;
            if (stored(event, new StaffButton(who, staffChannel, event.getChannel().getId(), action), user)) {
                event.deferEdit().queue();
            }
            return;
        }
        String language = customers.languageOf(user);
        ChatAction known = ChatAction.read(action).orElse(null);
        if (known instanceof ChatAction.Menu menu && menu.item() == ChatAction.MenuItem.NEW) {
            event.replyModal(newTicketForm(language)).queue();
            return;
        }
        if (known instanceof ChatAction.Rate rate) {
            if (stored(event, new Stars(who, rate.ticket(), rate.stars()), user)) {
                event.replyModal(ratingForm(language, new TicketNumber(rate.ticket()))).queue();
            }
            return;
        }
        if (!stored(event, new CustomerButton(who, action), user)) {
            return;
        }
        if (event.isFromGuild()) {
            event.reply(texts.get(language, "bot.discord.answered-in-dm")).setEphemeral(true).queue();
        } else {
            event.deferEdit().queue();
        }
    }

    /** Stores a gateway event in the inbox; one that cannot be stored now is lost to us (Discord does not send it again). */
    /** Stores an event; how many were new (0 when the inbox had it already, or could not take it). */
    private int store(String eventId, DiscordEvent event) {
        try {
            return inbox.append(event.toInbox(eventId));
        } catch (RuntimeException e) {
            log.error("Discord event {} could not be stored (a direct message is read again at the next gateway session): {}",
                    eventId, e.toString());
            return 0;
        }
    }

    /**
     * Stores an interaction in the inbox before it is acknowledged; when it cannot be stored, the user
     * is asked to try again (ephemerally) and false is returned.
     */
    private boolean stored(IReplyCallback interaction, DiscordEvent event, ChatUser user) {
        try {
            inbox.append(event.toInbox(interaction.getId()));
            return true;
        } catch (RuntimeException e) {
            log.warn("Discord interaction {} could not be stored: {}", interaction.getId(), e.toString());
            interaction.reply(texts.get(customers.languageOf(user), "inbox.unavailable")).setEphemeral(true).queue();
            return false;
        }
    }

    private static String option(SlashCommandInteractionEvent event, String name) {
        OptionMapping option = event.getOption(name);
        return option == null ? "" : option.getAsString();
    }

    /**
     * A Discord customer is reached by opening a DM with their user id, so that id is their chat. The
     * locale comes with interactions only ({@code null} for messages).
     */
    static ChatUser chatUser(User author, DiscordLocale locale) {
        return who(author, locale).chatUser();
    }

    static Who who(User author, DiscordLocale locale) {
        return new Who(author.getId(), author.getEffectiveName(), reported(locale));
    }

    /** The language tag a Discord locale reports (e.g. "es-ES"); none for an unknown or missing one. */
    static String reported(DiscordLocale locale) {
        return locale == null || locale == DiscordLocale.UNKNOWN ? null : locale.getLocale();
    }

    private static List<Attachment> attachments(Message message) {
        return message.getAttachments().stream()
                .map(a -> new Attachment(a.isImage() ? Attachment.PHOTO : Attachment.DOCUMENT, a.getUrl(), a.getFileName()))
                .toList();
    }

    /**
     * The support channel's panel, in the server's language: one message with the buttons New ticket · My tickets, posted
     * unless the bot's recent messages there already hold it (a restart does not post it twice).
     */
    private void keepSupportPanel(JDA jda) {
        TextChannel support = supportChannelId == null ? null : jda.getTextChannelById(supportChannelId);
        if (support == null) {
            if (supportChannelId != null) {
                log.warn("Discord support channel {} is not visible to the bot", supportChannelId);
            }
            return;
        }
        // the panel speaks the server's language (its community locale) when we have a bundle for it
        DiscordLocale locale = support.getGuild().getLocale();
        String language = Texts.normalize(reported(locale));
        String panel = texts.get(language, "bot.discord.panel");
        support.getHistory().retrievePast(50).queue(recent -> {
            boolean posted = recent.stream().anyMatch(m -> m.getAuthor().getId().equals(jda.getSelfUser().getId())
                    && panel.equals(m.getContentRaw()));
            if (!posted) {
                support.sendMessage(panel).setComponents(ActionRow.of(
                        Button.primary(new ChatAction.Menu(ChatAction.MenuItem.NEW).id(), texts.get(language, "bot.menu.new")),
                        Button.secondary(new ChatAction.Menu(ChatAction.MenuItem.TICKETS).id(),
                                texts.get(language, "bot.menu.tickets")))).queue();
            }
        }, failure -> log.warn("Could not read the Discord support channel: {}", failure.getMessage()));
    }

    /**
     * A new gateway session (this instance took the gateway over, or started): Discord does not hand
     * it what customers wrote while no session was connected, so first, before the events that follow
     * (this runs on the event thread, which holds them back meanwhile, so each chat's order is kept),
     * each DM channel that spoke in the last {@code catchUp} is read from its last stored message on
     * and what is newer is stored as it would have come. What is stored already is known by its id.
     */
    @Override
    public void onReady(ReadyEvent event) {
        catchUp(event.getJDA());
        keepSupportPanel(event.getJDA());
        var guild = guildId == null ? null : event.getJDA().getGuildById(guildId);
        var update = guild != null ? guild.updateCommands() : event.getJDA().updateCommands();
        update.addCommands(commands(texts)).queue(
                done -> log.info("Discord slash commands registered {}", guild != null ? "in guild " + guildId : "globally"),
                failure -> log.warn("Discord refused the slash commands: {}", failure.getMessage()));
    }

    /** The DM channels read again after a new gateway session: those that spoke in this window, at most this many. */
    static final Duration CATCH_UP_WINDOW = Duration.ofHours(24);
    static final int CATCH_UP_CHANNELS = 1000;
    static final String DM_MARK = "\"kind\":\"dm\"";

    private void catchUp(JDA jda) {
        long started = System.nanoTime();
        int channels = 0;
        int found = 0;
        int stored = 0;
        List<String> newest;
        try {
            newest = inbox.newestPayloads(com.careregistry.core.common.Channel.DISCORD, DM_MARK,
                    java.time.Instant.now().minus(CATCH_UP_WINDOW), CATCH_UP_CHANNELS);
        } catch (RuntimeException e) {
            log.warn("Discord catch-up skipped: the inbox could not be read ({})", e.toString());
            return;
        }
        for (String payload : newest) {
            if (!(DiscordEvent.read(payload) instanceof DirectMessage last)) {
                continue;
            }
            channels++;
            try {
                MessageHistory after = jda.openPrivateChannelById(last.who().id())
                        .flatMap(channel -> MessageHistory.getHistoryAfter(channel, last.message()).limit(100)).complete();
                List<Message> missed = new java.util.ArrayList<>(after.getRetrievedHistory());
                missed.sort(java.util.Comparator.comparingLong(Message::getIdLong));
                for (Message message : missed) {
                    if (!message.getAuthor().isBot()) {
                        found++;
                        stored += store(message.getId(), new DirectMessage(who(message.getAuthor(), null), message.getChannel().getId(),
                                message.getId(), message.getContentRaw(), attachments(message)));
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Discord catch-up of {}'s direct messages failed: {}", last.who().id(), e.toString());
            }
        }
        log.info("Discord catch-up: {} direct-message channels read again in {} ms; {} messages newer than the last stored, "
                + "{} of them not stored before", channels, (System.nanoTime() - started) / 1_000_000, found, stored);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
