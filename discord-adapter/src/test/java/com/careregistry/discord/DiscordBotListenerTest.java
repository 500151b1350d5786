package com.careregistry.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.chat.ChatInput;
import com.careregistry.core.chat.CustomerCommand;
import com.careregistry.core.chat.CustomerCommand.Name;
import com.careregistry.core.chat.CustomerConversation;
import com.careregistry.core.chat.StaffConversation;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.inbox.InboundEvent;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.inbox.InboxEvent;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.TicketNumber;
import java.net.URI;
import java.util.List;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The listener's translation of every Discord event it takes, with JDA's events mocked. */
class DiscordBotListenerTest {

    static final String STAFF = "555";

    final Inbox inbox = mock(Inbox.class);
    final CustomerConversation customers = mock(CustomerConversation.class);
    final StaffConversation staff = mock(StaffConversation.class);
    final ManageCategories categories = mock(ManageCategories.class);
    final Texts texts = new Texts(Texts.bundles());
    DiscordBot bot;

    static final String IN_DMS = "I answered you in our direct messages.";

    @BeforeEach
    void handleStoredEventsAtOnce() {
        // the inbox hands each stored event straight to the Discord handler, as a worker would
        DiscordInbox handler = new DiscordInbox(customers, staff, mock(Outbox.class), texts);
        when(inbox.append(any(InboundEvent.class))).thenAnswer(call -> {
            InboundEvent stored = call.getArgument(0);
            handler.handle(new InboxEvent(1, stored.channel(), stored.externalEventId(), stored.orderingKey(), stored.payload(), 0,
                    java.time.Instant.now()));
            return 1;
        });
        when(customers.languageOf(any())).thenAnswer(call -> Texts.normalize(call.<ChatUser>getArgument(0).language()));
        List<CategoryView> one = List.of(category(1L, "General"));
        when(categories.active()).thenReturn(one);
        bot = new DiscordBot(inbox, customers, categories, texts, new DiscordSettings("t",
                URI.create("http://127.0.0.1/api/v10/"), null, STAFF, null, null, null));
    }

    static CategoryView category(long id, String name) {
        return new CategoryView(id, name, true);
    }

    static User user(String id, String name, boolean isBot) {
        User user = mock(User.class);
        when(user.getId()).thenReturn(id);
        when(user.getEffectiveName()).thenReturn(name);
        when(user.isBot()).thenReturn(isBot);
        return user;
    }

    static MessageReceivedEvent message(User author, ChannelType type, String channelId, String text) {
        MessageReceivedEvent event = mock(MessageReceivedEvent.class, RETURNS_DEEP_STUBS);
        Message message = mock(Message.class);
        when(message.getId()).thenReturn("m-" + text.hashCode());
        when(message.getContentRaw()).thenReturn(text);
        when(message.getAttachments()).thenReturn(List.of());
        when(event.getAuthor()).thenReturn(author);
        when(event.getMessage()).thenReturn(message);
        when(event.getChannelType()).thenReturn(type);
        when(event.isFromType(ChannelType.PRIVATE)).thenReturn(type == ChannelType.PRIVATE);
        when(event.getChannel().getId()).thenReturn(channelId);
        return event;
    }

    static SlashCommandInteractionEvent slash(String name, String sub, String option, String value) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class, RETURNS_DEEP_STUBS);
        User ann = user("42", "ann", false);
        when(event.getUser()).thenReturn(ann);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(event.getId()).thenReturn("i-" + name + sub);
        when(event.getName()).thenReturn(name);
        when(event.getSubcommandName()).thenReturn(sub);
        if (option != null) {
            OptionMapping mapping = mock(OptionMapping.class);
            when(mapping.getAsString()).thenReturn(value);
            when(event.getOption(option)).thenReturn(mapping);
        }
        return event;
    }

    private void verifyCustomerTyped(String typed) {
        verify(customers, timeout(2000)).onMessage(argThat((ChatUser u) -> u.channel() == Channel.DISCORD && u.externalUserId().equals("42")),
                argThat((ChatInput input) -> typed.equals(input.text())));
    }

    @Test
    void aDirectMessageGoesToTheCustomersConversation() {
        bot.onMessageReceived(message(user("42", "ann", false), ChannelType.PRIVATE, "dm-1", "My laptop will not boot"));
        verifyCustomerTyped("My laptop will not boot");
    }

    @Test
    void botsAndOrdinaryServerChannelsAreIgnored() {
        bot.onMessageReceived(message(user("7", "otherbot", true), ChannelType.PRIVATE, "dm-2", "spam"));
        bot.onMessageReceived(message(user("42", "ann", false), ChannelType.TEXT, "general", "hello all"));
        verify(inbox, never()).append(any(InboundEvent.class));
        verify(customers, never()).onMessage(any(), any());
    }

    @Test
    void aMessageInAStaffThreadGoesToTheStaffConversation() {
        MessageReceivedEvent event = message(user("900", "maria", false), ChannelType.GUILD_PUBLIC_THREAD, "thread-9", "Try again");
        when(event.getChannel().asThreadChannel().getParentChannel().getId()).thenReturn(STAFF);
        bot.onMessageReceived(event);
        verify(staff, timeout(2000)).onThreadMessage(eq(new ChatAddress(Channel.DISCORD, STAFF, "thread-9")), eq("900"),
                argThat((ChatInput input) -> "Try again".equals(input.text())));
    }

    @Test
    void everySlashCommandIsAnsweredEphemerallyAndBecomesTheTypedCommand() {
        Object[][] cases = {
                {"ticket", "list", null, null, CustomerCommand.of(Name.TICKETS)},
                {"ticket", "show", "number", "#1042", new CustomerCommand(Name.TICKET, "#1042")},
                {"ticket", "close", null, null, CustomerCommand.of(Name.CLOSE)},
                {"email", null, null, null, CustomerCommand.of(Name.EMAIL)},
                {"language", null, null, null, CustomerCommand.of(Name.LANGUAGE)},
                {"agent", null, "note", "night shift", new CustomerCommand(Name.AGENT, "night shift")},
                {"agent", null, null, null, CustomerCommand.of(Name.AGENT)},
        };
        for (Object[] c : cases) {
            SlashCommandInteractionEvent event = slash((String) c[0], (String) c[1], (String) c[2], (String) c[3]);
            bot.onSlashCommandInteraction(event);
            verify(event.reply(IN_DMS)).setEphemeral(true);
            // the command reaches the core as the typed value, through the stored JSON, with no text to read again
            verify(customers, timeout(2000)).onCommand(argThat((ChatUser u) -> u.externalUserId().equals("42")), eq((CustomerCommand) c[4]));
        }
        verify(customers, never()).onMessage(any(), any());
    }

    @Test
    void aCommandStoredAsTypedTextByAnEarlierVersionIsStillRead() {
        String stored = "{\"kind\":\"command\",\"typed\":\"/ticket #1042\",\"who\":{\"id\":\"42\",\"name\":\"ann\"}}";
        assertThat(DiscordEvent.read(stored)).isEqualTo(new DiscordEvent.SlashCommand(new DiscordEvent.Who("42", "ann", null),
                new CustomerCommand(Name.TICKET, "#1042")));
    }

    @Test
    void ticketNewOpensTheFormAndTheFormOpensTheTicket() {
        SlashCommandInteractionEvent event = slash("ticket", "new", null, null);
        bot.onSlashCommandInteraction(event);
        Modal form = captureModal(event);
        assertThat(form.getId()).isEqualTo(DiscordBot.NEW_TICKET_FORM);
        assertThat(form.getTitle()).isEqualTo("New ticket");
        assertThat(form.getComponents()).as("one category: nothing to choose, only the description").singleElement()
                .satisfies(c -> assertThat(c.asLabel().getChild().asTextInput().getCustomId()).isEqualTo(DiscordBot.DESCRIPTION));

        ModalInteractionEvent submitted = formSubmitted(DiscordBot.NEW_TICKET_FORM, "modal-1",
                java.util.Map.of(DiscordBot.DESCRIPTION, "   "), java.util.Map.of());
        bot.onModalInteraction(submitted);
        verify(submitted.reply(IN_DMS)).setEphemeral(true);
        // an empty description still goes to the core, which refuses it with "Query cannot be empty!"
        verify(customers, timeout(2000)).openFromForm(any(), eq(null), argThat((ChatInput input) -> "   ".equals(input.text())));
    }

    @Test
    void withSeveralCategoriesTheFormAsksForOneAndTheChoiceOpensTheTicketThere() {
        List<CategoryView> two = List.of(category(1L, "General"), category(7L, "Billing"));
        when(categories.active()).thenReturn(two);
        SlashCommandInteractionEvent event = slash("ticket", "new", null, null);
        bot.onSlashCommandInteraction(event);
        Modal form = captureModal(event);
        assertThat(form.getComponents()).hasSize(2);
        Label choice = form.getComponents().get(0).asLabel();
        assertThat(choice.getLabel()).isEqualTo("Category");
        StringSelectMenu menu = choice.getChild().asStringSelectMenu();
        assertThat(menu.getCustomId()).isEqualTo(DiscordBot.CATEGORY);
        assertThat(menu.getMinValues()).isEqualTo(1);
        assertThat(menu.getMaxValues()).isEqualTo(1);
        assertThat(menu.getOptions()).extracting(SelectOption::getLabel, SelectOption::getValue)
                .containsExactly(tuple("General", "1"), tuple("Billing", "7"));

        bot.onModalInteraction(formSubmitted(DiscordBot.NEW_TICKET_FORM, "modal-2",
                java.util.Map.of(DiscordBot.DESCRIPTION, "I was charged twice"), java.util.Map.of(DiscordBot.CATEGORY, List.of("7"))));
        verify(customers, timeout(2000)).openFromForm(any(), eq(7L),
                argThat((ChatInput input) -> "I was charged twice".equals(input.text())));

        // a value that is not one of ours: the choice is asked in the DMs, the description kept
        bot.onModalInteraction(formSubmitted(DiscordBot.NEW_TICKET_FORM, "modal-3",
                java.util.Map.of(DiscordBot.DESCRIPTION, "Parcel lost"), java.util.Map.of(DiscordBot.CATEGORY, List.of("x"))));
        verify(customers, timeout(2000)).openFromForm(any(), eq(null), argThat((ChatInput input) -> "Parcel lost".equals(input.text())));
    }

    @Test
    void moreCategoriesThanASelectMenuHoldsAreChosenInTheDirectMessages() {
        List<CategoryView> many = new java.util.ArrayList<>();
        for (long id = 1; id <= DiscordBot.MAX_SELECT_OPTIONS + 1; id++) {
            many.add(category(id, "Category " + id));
        }
        when(categories.active()).thenReturn(many);
        SlashCommandInteractionEvent event = slash("ticket", "new", null, null);
        bot.onSlashCommandInteraction(event);
        assertThat(captureModal(event).getComponents()).singleElement()
                .satisfies(c -> assertThat(c.asLabel().getChild().asTextInput().getCustomId()).isEqualTo(DiscordBot.DESCRIPTION));
    }

    @Test
    void theStarsOfARatingCountAtOnceAndOpenTheCommentForm() {
        ButtonInteractionEvent stars = button("rate:1042:5", ChannelType.PRIVATE, "dm-1", false);
        bot.onButtonInteraction(stars);
        Modal form = captureModal(stars);
        assertThat(form.getId()).isEqualTo("rate-comment:1042");
        assertThat(form.getTitle()).isEqualTo("Rate ticket #1042");
        TextInput comment = form.getComponents().get(0).asLabel().getChild().asTextInput();
        assertThat(comment.getCustomId()).isEqualTo(DiscordBot.COMMENT);
        assertThat(comment.isRequired()).as("the comment is optional").isFalse();
        verify(customers, timeout(2000)).rate(any(), eq(new TicketNumber(1042)), eq(5));
        verify(customers, never()).onButton(any(), any());

        ModalInteractionEvent submitted = formSubmitted("rate-comment:1042", "modal-4",
                java.util.Map.of(DiscordBot.COMMENT, "Patient and clear"), java.util.Map.of());
        bot.onModalInteraction(submitted);
        verify(submitted.reply("Thank you for your rating!")).setEphemeral(true);
        verify(customers, timeout(2000)).commentFromForm(any(), eq(new TicketNumber(1042)), eq("Patient and clear"));

        ModalInteractionEvent empty = formSubmitted("rate-comment:1042", "modal-5", java.util.Map.of(), java.util.Map.of());
        bot.onModalInteraction(empty);
        verify(customers, timeout(2000)).commentFromForm(any(), eq(new TicketNumber(1042)), eq(""));
    }

    @Test
    void buttonsGoToTheCustomerInDirectMessagesAndToStaffInThreads() {
        ButtonInteractionEvent dm = button("close-yes:1042", ChannelType.PRIVATE, "dm-1", false);
        bot.onButtonInteraction(dm);
        verify(dm).deferEdit();
        verify(customers, timeout(2000)).onButton(any(), eq("close-yes:1042"));

        ButtonInteractionEvent thread = button("claim:1042", ChannelType.GUILD_PUBLIC_THREAD, "thread-9", true);
        User maria = user("900", "maria", false);
        when(thread.getUser()).thenReturn(maria);
        bot.onButtonInteraction(thread);
        verify(thread).deferEdit();
        verify(staff, timeout(2000)).onButton(eq(Channel.DISCORD), eq("900"),
                eq(new ChatAddress(Channel.DISCORD, STAFF, "thread-9")), eq("claim:1042"));
    }

    @Test
    void thePanelsButtonsOpenTheFormOrAnswerInTheDirectMessages() {
        ButtonInteractionEvent newTicket = button("menu:new", ChannelType.TEXT, "support", true);
        bot.onButtonInteraction(newTicket);
        assertThat(captureModal(newTicket).getId()).isEqualTo(DiscordBot.NEW_TICKET_FORM);

        ButtonInteractionEvent mine = button("menu:tickets", ChannelType.TEXT, "support", true);
        bot.onButtonInteraction(mine);
        verify(mine.reply(IN_DMS)).setEphemeral(true);
        verify(customers, timeout(2000)).onButton(any(), eq("menu:tickets"));
    }

    @Test
    void theCustomersDiscordLocaleTravelsWithEveryInteraction() {
        SlashCommandInteractionEvent event = slash("ticket", "list", null, null);
        when(event.getUserLocale()).thenReturn(DiscordLocale.SPANISH);
        bot.onSlashCommandInteraction(event);
        verify(customers, timeout(2000)).onCommand(argThat((ChatUser u) -> "es-ES".equals(u.language())), any());
        verify(event.reply(texts.get("es", "bot.discord.answered-in-dm"))).setEphemeral(true);
        assertThat(texts.get("es", "bot.discord.answered-in-dm")).isNotEqualTo(IN_DMS);

        SlashCommandInteractionEvent form = slash("ticket", "new", null, null);
        when(form.getUserLocale()).thenReturn(DiscordLocale.GERMAN);
        bot.onSlashCommandInteraction(form);
        assertThat(captureModal(form).getTitle()).isEqualTo(texts.get("de", "bot.menu.new")).isNotEqualTo("New ticket");
    }

    @Test
    void theSlashCommandsAreDescribedInEveryLanguageWeSpeak() {
        List<net.dv8tion.jda.api.interactions.commands.build.CommandData> commands = DiscordBot.commands(texts);
        var ticket = (net.dv8tion.jda.api.interactions.commands.build.SlashCommandData) commands.get(0);
        assertThat(ticket.getName()).isEqualTo("ticket");
        assertThat(ticket.getSubcommands()).extracting(s -> s.getName()).containsExactly("new", "list", "show", "close");
        assertThat(ticket.getDescriptionLocalizations().get(DiscordLocale.SPANISH)).isEqualTo(texts.get("es", "bot.command.tickets"));
        assertThat(ticket.getDescriptionLocalizations().get(DiscordLocale.SPANISH_LATAM)).isEqualTo(texts.get("es", "bot.command.tickets"));
        assertThat(ticket.getDescriptionLocalizations().get(DiscordLocale.GERMAN)).isEqualTo(texts.get("de", "bot.command.tickets"))
                .isNotEqualTo(ticket.getDescription());
        assertThat(ticket.getSubcommands().get(0).getDescriptionLocalizations().get(DiscordLocale.GERMAN))
                .isEqualTo(texts.get("de", "bot.command.new"));
        assertThat(ticket.getDescriptionLocalizations().get(DiscordLocale.FRENCH)).as("no French bundle").isNull();
    }

    private static Modal captureModal(net.dv8tion.jda.api.interactions.callbacks.IModalCallback event) {
        ArgumentCaptor<Modal> modal = ArgumentCaptor.forClass(Modal.class);
        verify(event).replyModal(modal.capture());
        return modal.getValue();
    }

    static ButtonInteractionEvent button(String id, ChannelType type, String channelId, boolean fromGuild) {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class, RETURNS_DEEP_STUBS);
        User ann = user("42", "ann", false);
        when(event.getUser()).thenReturn(ann);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(event.getComponentId()).thenReturn(id);
        when(event.getChannelType()).thenReturn(type);
        when(event.isFromGuild()).thenReturn(fromGuild);
        when(event.getChannel().getId()).thenReturn(channelId);
        when(event.getId()).thenReturn("b-" + id);
        return event;
    }

    static ModalInteractionEvent formSubmitted(String formId, String id, java.util.Map<String, String> texts,
                                               java.util.Map<String, List<String>> choices) {
        ModalInteractionEvent event = mock(ModalInteractionEvent.class, RETURNS_DEEP_STUBS);
        User ann = user("42", "ann", false);
        when(event.getUser()).thenReturn(ann);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(event.getModalId()).thenReturn(formId);
        when(event.getId()).thenReturn(id);
        when(event.getValue(any())).thenReturn(null);
        texts.forEach((field, value) -> {
            ModalMapping mapping = mock(ModalMapping.class);
            when(mapping.getAsString()).thenReturn(value);
            when(event.getValue(field)).thenReturn(mapping);
        });
        choices.forEach((field, values) -> {
            ModalMapping mapping = mock(ModalMapping.class);
            when(mapping.getAsStringList()).thenReturn(values);
            when(event.getValue(field)).thenReturn(mapping);
        });
        return event;
    }

    @Test
    void aCustomersEditOfADirectMessageIsRecorded() {
        MessageUpdateEvent event = mock(MessageUpdateEvent.class, RETURNS_DEEP_STUBS);
        User ann = user("42", "ann", false);
        Message edited = mock(Message.class);
        when(edited.getId()).thenReturn("m-7");
        when(edited.getContentRaw()).thenReturn("My order is 4321");
        when(event.getAuthor()).thenReturn(ann);
        when(event.getMessage()).thenReturn(edited);
        when(event.isFromType(ChannelType.PRIVATE)).thenReturn(true);
        when(event.getChannel().getId()).thenReturn("dm-1");
        bot.onMessageUpdate(event);
        verify(customers, timeout(2000)).onEdit(any(), argThat((ChatInput input) -> "My order is 4321".equals(input.text())
                && "dm-1:m-7".equals(input.externalMessageId())));
    }
}
