package com.careregistry.discord;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatAddress;
import com.careregistry.core.files.AttachmentFiles;
import com.careregistry.core.outbox.Delivery;
import com.careregistry.core.outbox.DeliveryFailure;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.MessageSender;
import com.careregistry.core.outbox.OutboundMessage;
import com.careregistry.core.staff.StaffThreads;
import com.careregistry.core.text.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumPost;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.managers.channel.concrete.ThreadChannelManager;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's way into Discord: direct messages to customers, and each ticket's thread in the
 * staff channel (made on first use, made again when gone, unarchived, renamed with the status) or,
 * with a staff forum, its post there (made with the message at hand as its first message, the
 * ticket's card as a Components V2 container; tagged with the ticket's status and category, the
 * status tag following the ticket: {@link DiscordForumTags}).
 * The text goes in parts of at most
 * 2000 characters (markdown escaped), buttons with the last part, then each attachment as an
 * uploaded file, through JDA's own rate limiter.
 * It runs on the outbox's dispatch thread (never JDA's event thread) and waits for Discord's
 * answer, so a failure reaches the outbox's retry with its reason; a part-way failure reports the
 * parts that arrived.
 */
class DiscordSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(DiscordSender.class);

    private static final long TIMEOUT_SECONDS = 20;
    /** Discord takes files of up to 10 MiB from a bot; a larger one is named instead of uploaded. */
    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    /** How many of the staff channel's archived threads are looked through for a ticket's thread. */
    private static final int ARCHIVED_LOOKUP = 100;

    private final DiscordGateway gateway;
    private final DiscordSettings settings;
    private final StaffThreads threads;
    private final AttachmentFiles files;
    private final Texts texts;
    private final DiscordForumTags forumTags;

    DiscordSender(DiscordGateway gateway, DiscordSettings settings, StaffThreads threads, AttachmentFiles files, Texts texts,
                  DiscordForumTags forumTags) {
        this.forumTags = forumTags;
        this.gateway = gateway;
        this.settings = settings;
        this.threads = threads;
        this.files = files;
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    /** Ready while this instance holds the gateway and it is connected; on the other instances the rows wait for the one that does. */
    @Override
    public boolean ready() {
        return gateway.connected();
    }

    /** The client of the gateway this instance holds; when it gave the gateway up meanwhile, the message waits for the holder. */
    private JDA jda() {
        JDA client = gateway.jda();
        if (client == null) {
            throw new GatewayNotHeld();
        }
        return client;
    }

    private static final class GatewayNotHeld extends RuntimeException {
        GatewayNotHeld() {
            super("this instance no longer holds the Discord gateway", null, false, false);
        }
    }

    @Override
    public Delivery send(OutboundMessage message) throws DeliveryFailure {
        try {
            return sendWithGateway(message);
        } catch (GatewayNotHeld e) {
            throw DeliveryFailure.transientFailure(e.getMessage(), e);
        }
    }

    private Delivery sendWithGateway(OutboundMessage message) throws DeliveryFailure {
        if (message.reactTo() != null) {
            return react(message);
        }
        if (message.replaces() != null) {
            Optional<Delivery> edited = edit(message);
            if (edited.isPresent()) {
                return edited.get();
            }
        }
        ChatAddress to = message.chat();
        boolean staffThread = message.ticketId() != null && to.chatId().equals(settings.staffDeskId());
        boolean forum = staffThread && settings.forumDesk();
        // in a forum post, the ticket's card (the staff's message with the Claim · Resolve buttons) is a Components V2 container
        Optional<MessageCreateData> card = forum && !message.actions().isEmpty() && message.attachments().isEmpty()
                ? DiscordCard.of(message.body(), message.actions()) : Optional.empty();
        List<String> parts = card.isPresent() ? List.of(message.body()) : DiscordText.parts(message.body());
        ThreadChannel thread = staffThread ? threadOf(message, forum)
                : to.threadId() == null ? null : jda().getThreadChannelById(to.threadId());
        if (to.threadId() != null && thread == null && !staffThread) {
            throw DeliveryFailure.permanent("Discord thread " + to.threadId() + " is gone");
        }
        String lastId = null;
        int total = parts.size() + message.attachments().size();
        boolean remade = false;
        for (int part = message.partsSent(); part < total; part++) {
            Supplier<MessageCreateData> data = card.isPresent() ? card::get
                    : part < parts.size() ? text(parts.get(part), part == parts.size() - 1 ? message.actions() : List.of())
                    : file(message.attachments().get(part - parts.size()), part);
            if (thread == null && forum) {
                // the ticket has no post yet (or it is gone): made with this part as its first message
                ForumPost post = newPost(message, data.get(), part);
                thread = post.getThreadChannel();
                lastId = post.getMessage().getId();
                continue;
            }
            // the same nonce for the same part of the same outbox row (JDA sends enforce_nonce): when a
            // crash made us send a part again that Discord had already taken, Discord returns the first
            // message instead of making a second one
            String nonce = nonce(message.id(), part);
            Function<MessageChannel, RestAction<Message>> once = channel -> channel.sendMessage(data.get()).setNonce(nonce);
            RestAction<Message> sending = thread != null ? once.apply(thread)
                    : jda().openPrivateChannelById(to.chatId()).flatMap(once::apply);
            Message sent = await(sending.submit(), part, staffThread && !remade);
            if (sent == null) {
                // the ticket's thread was deleted without JDA hearing of it: made again, and this part sent there
                remade = true;
                log.info("The Discord thread of ticket {} is gone; making it again", message.ticketId());
                thread = forum ? null : newThread(message, part);
                part--;
                continue;
            }
            lastId = sent.getId();
        }
        if (staffThread) {
            keepTitleAndTags(message, thread, forum);
        }
        return new Delivery(lastId);
    }

    /**
     * A receipt: the reaction on a message whose copy was delivered (in a ticket's thread, or in a
     * customer's DMs when JDA knows that channel). Best effort: whatever Discord refuses (a message or
     * channel it no longer knows, no right to react there) is left as it is; only a wait it asks for
     * puts the receipt off.
     */
    private Delivery react(OutboundMessage message) throws DeliveryFailure {
        String channelId = message.chat().chatId();
        MessageChannel channel = jda().getChannelById(MessageChannel.class, channelId);
        if (channel == null) {
            channel = jda().getPrivateChannelById(channelId);
        }
        if (channel == null) {
            log.debug("No receipt on message {}: Discord channel {} is not known here", message.reactTo(), channelId);
            return Delivery.withoutId();
        }
        try {
            await(channel.addReactionById(message.reactTo(), Emoji.fromUnicode(message.body())), 0);
        } catch (DeliveryFailure e) {
            if (e.retryAfter().isPresent()) {
                throw e;   // a wait Discord asked for: later
            }
            log.debug("No receipt on message {} in {}: {}", message.reactTo(), channelId, e.getMessage());
        }
        return Delivery.withoutId();
    }

    /**
     * An edit of a message we delivered to a customer's DMs: edited in place. Empty when it cannot be
     * (too long for one message, or Discord no longer has it): then the new text goes out as a message.
     */
    private Optional<Delivery> edit(OutboundMessage message) throws DeliveryFailure {
        List<String> parts = DiscordText.parts(message.body());
        if (parts.size() != 1 || !message.attachments().isEmpty() || message.chat().threadId() != null) {
            return Optional.empty();
        }
        try {
            Message edited = await(jda().openPrivateChannelById(message.chat().chatId())
                    .flatMap(channel -> channel.editMessageById(message.replaces(), parts.get(0)).setAllowedMentions(List.of())), 0);
            return Optional.of(new Delivery(edited.getId()));
        } catch (DeliveryFailure e) {
            if (e.permanent() || e.getCause() instanceof ErrorResponseException error
                    && error.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                log.info("Could not edit Discord message {} ({}); sending the new text instead", message.replaces(), e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
    }

    /** At most 25 characters, as Discord takes them: the outbox row's id and the part. */
    static String nonce(long rowId, int part) {
        return "o" + Long.toString(rowId, 36) + "p" + part;
    }

    private static Supplier<MessageCreateData> text(String text, List<MessageAction> actions) {
        // what a customer typed never pings anyone
        return () -> new MessageCreateBuilder().setContent(text).setAllowedMentions(List.of()).setComponents(rows(actions)).build();
    }

    /**
     * An attachment, uploaded as a file (read from its address, or from the platform that holds
     * it); one too large for Discord, or gone, is named with the reason instead.
     */
    private Supplier<MessageCreateData> file(Attachment attachment, int part) throws DeliveryFailure {
        String name = fileName(attachment);
        AttachmentFiles.FileRead read;
        try {
            read = files.read(attachment, MAX_UPLOAD_BYTES);
        } catch (DeliveryFailure e) {
            throw e.afterParts(part);
        }
        if (read.found()) {
            return () -> new MessageCreateBuilder().setFiles(FileUpload.fromData(read.bytes(), name)).build();
        }
        String notice = MarkdownSanitizer.escape(texts.get("en", "attachment.not-forwarded." + read.problem(), name,
                MAX_UPLOAD_BYTES / (1024 * 1024)));
        return text(notice, List.of());
    }

    static String fileName(Attachment attachment) {
        if (attachment.fileName() != null && !attachment.fileName().isBlank()) {
            return attachment.fileName().strip();
        }
        return switch (attachment.kind()) {
            case Attachment.PHOTO -> "photo.jpg";
            case Attachment.VIDEO -> "video.mp4";
            case Attachment.VOICE -> "voice.ogg";
            default -> "file";
        };
    }

    /**
     * The ticket's thread in the staff channel (or its post in the staff forum): the one the message
     * was addressed to when the core knew it, else the one recorded since; unarchived when archived.
     * A thread is made on first use and made again when gone; a post is left to be made with the
     * message's first part (null).
     */
    private ThreadChannel threadOf(OutboundMessage message, boolean forum) throws DeliveryFailure {
        Long ticketId = message.ticketId();
        ThreadChannel thread = message.chat().threadId() == null ? null : jda().getThreadChannelById(message.chat().threadId());
        if (thread == null) {
            // only a thread of the current desk: after a switch from a text channel to a forum (or back), the
            // ticket gets a new one there, where agents' answers are read
            Optional<String> known = threads.find(ticketId, Channel.DISCORD)
                    .filter(t -> t.address().chatId().equals(message.chat().chatId())).map(t -> t.address().threadId());
            thread = known.map(jda()::getThreadChannelById).orElse(null);
            if (thread == null && known.isPresent()) {
                thread = archived(known.get(), message.partsSent());
            }
        }
        if (thread == null) {
            return forum ? null : newThread(message, message.partsSent());
        }
        if (thread.isArchived()) {
            await(thread.getManager().setArchived(false), message.partsSent());
        }
        return thread;
    }

    /**
     * JDA keeps no archived thread in its cache: the ticket's thread is looked for among the staff
     * channel's (or forum's) archived threads, the most recently archived first. Null when it is not there (gone).
     */
    private ThreadChannel archived(String threadId, int partsSent) throws DeliveryFailure {
        if (!(jda().getGuildChannelById(settings.staffDeskId()) instanceof IThreadContainer staff)) {
            return null;
        }
        List<ThreadChannel> recent = await(staff.retrieveArchivedPublicThreadChannels().takeAsync(ARCHIVED_LOOKUP), partsSent, false);
        return recent.stream().filter(t -> t.getId().equals(threadId)).findFirst().orElse(null);
    }

    private ThreadChannel newThread(OutboundMessage message, int partsSent) throws DeliveryFailure {
        Long ticketId = message.ticketId();
        TextChannel staff = jda().getTextChannelById(settings.staffChannelId());
        if (staff == null) {
            throw DeliveryFailure.transientFailure("Discord staff channel " + settings.staffChannelId() + " is not visible yet")
                    .afterParts(partsSent);
        }
        String title = message.threadTitle() != null ? message.threadTitle() : threads.titleFor(ticketId);
        ThreadChannel thread = await(staff.createThreadChannel(title), partsSent);
        threads.record(ticketId, new ChatAddress(Channel.DISCORD, staff.getId(), thread.getId()), title);
        return thread;
    }

    /**
     * The ticket's post in the staff forum, made with {@code first} as its first message and tagged
     * with the ticket's status and category (the tags the forum lacks made first).
     */
    private ForumPost newPost(OutboundMessage message, MessageCreateData first, int partsSent) throws DeliveryFailure {
        Long ticketId = message.ticketId();
        ForumChannel forum = jda().getForumChannelById(settings.staffDeskId());
        if (forum == null) {
            throw DeliveryFailure.transientFailure("Discord staff forum " + settings.staffDeskId() + " is not visible yet")
                    .afterParts(partsSent);
        }
        String title = message.threadTitle() != null ? message.threadTitle() : threads.titleFor(ticketId);
        List<ForumTag> tags = forumTags.forNewPost(forum, ticketId);
        var creating = forum.createForumPost(title, first);
        ForumPost post = await(tags.isEmpty() ? creating : creating.setTags(tags), partsSent);
        threads.record(ticketId, new ChatAddress(Channel.DISCORD, forum.getId(), post.getThreadChannel().getId()), title);
        return post;
    }

    /**
     * Waits on this (the outbox's) thread for Discord's answer; a failure becomes the outbox's
     * retry or give-up, saying how many parts of the message had arrived.
     */
    private static <T> T await(RestAction<T> action, int partsDelivered) throws DeliveryFailure {
        return await(action.submit(), partsDelivered, false);
    }

    /** As {@link #await(RestAction, int)}; with {@code goneIsNull}, a channel Discord no longer knows gives null. */
    private static <T> T await(CompletableFuture<T> answer, int partsDelivered, boolean goneIsNull) throws DeliveryFailure {
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.transientFailure("interrupted").afterParts(partsDelivered);
        } catch (TimeoutException e) {
            throw DeliveryFailure.transientFailure("Discord did not answer in " + TIMEOUT_SECONDS + " s").afterParts(partsDelivered);
        } catch (ExecutionException e) {
            if (goneIsNull && e.getCause() instanceof ErrorResponseException error
                    && error.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
                return null;
            }
            throw failure(e.getCause()).afterParts(partsDelivered);
        }
    }

    /**
     * Renames the thread when the ticket's status changed since it was named and, in a forum, puts the
     * tags of the ticket's status and category on its post when they changed (one change of the
     * thread); a failure here loses nothing (the next message to the thread tries again).
     */
    private void keepTitleAndTags(OutboundMessage message, ThreadChannel thread, boolean forum) {
        Long ticketId = message.ticketId();
        String wanted = message.threadTitle();
        boolean rename = wanted != null && !wanted.equals(thread.getName());
        Optional<List<ForumTag>> tags = Optional.empty();
        if (forum) {
            try {
                tags = forumTags.retagged(thread, ticketId);
            } catch (RuntimeException e) {
                log.warn("The tags of ticket {}'s Discord post could not be worked out: {}", ticketId, e.toString());
            }
        }
        if (!rename && tags.isEmpty()) {
            return;
        }
        ThreadChannelManager manager = thread.getManager();
        if (rename) {
            manager = manager.setName(wanted);
        }
        if (tags.isPresent()) {
            manager = manager.setAppliedTags(tags.get());
        }
        manager.queue(done -> {
            if (rename) {
                threads.retitled(ticketId, Channel.DISCORD, wanted);
            }
        }, failure -> log.debug("Discord thread {} was not renamed or tagged: {}", thread.getId(), failure.toString()));
    }

    /** The buttons, five to a row, at most five rows; none for no actions. */
    static List<ActionRow> rows(List<MessageAction> actions) {
        List<ActionRow> rows = new ArrayList<>();
        for (int from = 0; from < actions.size() && rows.size() < 5; from += 5) {
            rows.add(ActionRow.of(actions.subList(from, Math.min(from + 5, actions.size())).stream()
                    .map(a -> Button.primary(a.id(), a.label().length() > 80 ? a.label().substring(0, 79) + "…" : a.label()))
                    .toList()));
        }
        return rows;
    }

    private static DeliveryFailure failure(Throwable cause) {
        if (cause instanceof RateLimitedException limited) {
            return DeliveryFailure.rateLimited("Discord rate limit", Duration.ofMillis(Math.max(limited.getRetryAfter(), 1000)));
        }
        if (cause instanceof ErrorResponseException error) {
            ErrorResponse response = error.getErrorResponse();
            String reason = "Discord " + error.getErrorCode() + ": " + error.getMeaning();
            if (response == ErrorResponse.CANNOT_SEND_TO_USER || response == ErrorResponse.UNKNOWN_USER
                    || response == ErrorResponse.UNKNOWN_CHANNEL) {
                return DeliveryFailure.permanent(reason);
            }
            return DeliveryFailure.transientFailure(reason, error);
        }
        return DeliveryFailure.transientFailure("Discord: " + cause, cause);
    }
}
