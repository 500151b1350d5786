package com.careregistry.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.careregistry.core.chat.ChatInput;
import com.careregistry.core.chat.CustomerConversation;
import com.careregistry.core.chat.StaffConversation;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.common.ChatUser;
import com.careregistry.core.inbox.Intake;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.text.Texts;
import java.net.URI;
import java.util.List;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener's translation of every Discord event it takes, with JDA's events mocked. */
class DiscordBotListenerTest {

    static final String STAFF = "555";

    final Intake intake = mock(Intake.class);
    final CustomerConversation customers = mock(CustomerConversation.class);
    final StaffConversation staff = mock(StaffConversation.class);
    final Texts texts = mock(Texts.class);
    DiscordBot bot;

    @BeforeEach
    void runEffectsAtOnce() {
        when(intake.once(any(), any(), any())).thenAnswer(call -> {
            ((Runnable) call.getArgument(1)).run();
            return Intake.Outcome.HANDLED;
        });
        when(texts.get(any(String.class), any(String.class))).thenReturn("answered in DMs");
        bot = new DiscordBot(intake, customers, staff, mock(Outbox.class), texts, new DiscordSettings("t",
                URI.create("http://127.0.0.1/api/v10/"), null, STAFF, null, null));
    }

    @AfterEach
    void stop() {
        bot.shutdown();
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
        verify(intake, after(300).never()).once(any(), any(), any());
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
        String[][] cases = {
                {"ticket", "list", null, null, "/tickets"},
                {"ticket", "show", "number", "#1042", "/ticket #1042"},
                {"ticket", "close", null, null, "/close"},
                {"email", null, null, null, "/email"},
                {"language", null, null, null, "/language"},
                {"agent", null, "note", "night shift", "/agent night shift"},
        };
        for (String[] c : cases) {
            SlashCommandInteractionEvent event = slash(c[0], c[1], c[2], c[3]);
            bot.onSlashCommandInteraction(event);
            verify(event.reply("answered in DMs")).setEphemeral(true);
            verifyCustomerTyped(c[4]);
        }
    }

    @Test
    void ticketNewOpensTheFormAndTheFormOpensTheTicket() {
        SlashCommandInteractionEvent event = slash("ticket", "new", null, null);
        bot.onSlashCommandInteraction(event);
        verify(event).replyModal(argThat(modal -> modal.getId().equals(DiscordBot.NEW_TICKET_FORM)));

        ModalInteractionEvent submitted = mock(ModalInteractionEvent.class, RETURNS_DEEP_STUBS);
        User ann = user("42", "ann", false);
        when(submitted.getUser()).thenReturn(ann);
        when(submitted.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(submitted.getModalId()).thenReturn(DiscordBot.NEW_TICKET_FORM);
        when(submitted.getId()).thenReturn("modal-1");
        ModalMapping description = mock(ModalMapping.class);
        when(description.getAsString()).thenReturn("   ");
        when(submitted.getValue(DiscordBot.DESCRIPTION)).thenReturn(description);
        bot.onModalInteraction(submitted);
        // an empty description still goes to the core, which refuses it with "Query cannot be empty!"
        verify(customers, timeout(2000)).openFromForm(any(), argThat((ChatInput input) -> "   ".equals(input.text())));
    }

    @Test
    void buttonsGoToTheCustomerInDirectMessagesAndToStaffInThreads() {
        ButtonInteractionEvent dm = mock(ButtonInteractionEvent.class, RETURNS_DEEP_STUBS);
        User ann = user("42", "ann", false);
        when(dm.getUser()).thenReturn(ann);
        when(dm.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(dm.getComponentId()).thenReturn("rate:1042:5");
        when(dm.getChannelType()).thenReturn(ChannelType.PRIVATE);
        when(dm.getId()).thenReturn("b-1");
        bot.onButtonInteraction(dm);
        verify(customers, timeout(2000)).onButton(any(), eq("rate:1042:5"));

        ButtonInteractionEvent thread = mock(ButtonInteractionEvent.class, RETURNS_DEEP_STUBS);
        User maria = user("900", "maria", false);
        when(thread.getUser()).thenReturn(maria);
        when(thread.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(thread.getComponentId()).thenReturn("claim:1042");
        when(thread.getChannelType()).thenReturn(ChannelType.GUILD_PUBLIC_THREAD);
        when(thread.getChannel().getId()).thenReturn("thread-9");
        when(thread.getId()).thenReturn("b-2");
        bot.onButtonInteraction(thread);
        verify(staff, timeout(2000)).onButton(eq(Channel.DISCORD), eq("900"),
                eq(new ChatAddress(Channel.DISCORD, STAFF, "thread-9")), eq("claim:1042"));
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
