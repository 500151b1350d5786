package com.careregistry.discord;

import com.careregistry.core.category.CategoryView;
import com.careregistry.core.category.ManageCategories;
import com.careregistry.core.text.Texts;
import com.careregistry.core.ticket.TicketQueries;
import com.careregistry.core.ticket.TicketQueries.Standing;
import com.careregistry.core.ticket.TicketStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.BaseForumTag;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.forums.ForumTagData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tags of the staff forum ({@code DISCORD_STAFF_FORUM_ID}): one per ticket status (Open,
 * Assigned, Resolved, Closed, named in the staff's language as thread titles are) and one per
 * category, and on each ticket's post the tag of its status and the tag of its category.
 *
 * <p>The forum's missing tags are made the first time a post needs one it lacks (at the first post
 * after start-up, or the first of a new category): the status tags first, then the active
 * categories' tags, as long as the forum has room (Discord allows 20 tags a forum; the tags staff
 * made themselves are kept and count too); the categories left without a tag are logged, and their
 * posts carry the status tag only. A post's status tag is replaced when the ticket's status
 * changed; tags staff put on a post by hand stay.
 */
class DiscordForumTags {

    private static final Logger log = LoggerFactory.getLogger(DiscordForumTags.class);

    /** Discord: a forum offers at most 20 tags. */
    static final int MAX_FORUM_TAGS = 20;
    /** Discord: a tag's name has at most 20 characters. */
    static final int MAX_NAME = 20;
    private static final long TIMEOUT_SECONDS = 20;
    /** How long the made tags are waited for in the client's cache (Discord's CHANNEL_UPDATE brings their ids). */
    private static final Duration CACHE_WAIT = Duration.ofSeconds(5);
    /** After the forum refused new tags, how long until they are asked for again. */
    private static final Duration RETRY_AFTER = Duration.ofMinutes(10);

    private final TicketQueries tickets;
    private final ManageCategories categories;
    private final Texts texts;
    private volatile long refusedUntil;
    private volatile Set<String> leftOut = Set.of();

    DiscordForumTags(TicketQueries tickets, ManageCategories categories, Texts texts) {
        this.tickets = tickets;
        this.categories = categories;
        this.texts = texts;
    }

    /** The tag name of a status, as staff read it (in the staff's language, as thread titles). */
    String statusTag(TicketStatus status) {
        return tagName(texts.get("en", status.textKey()));
    }

    /** A name as a tag can carry it: at most 20 characters. */
    static String tagName(String name) {
        String stripped = name == null ? "" : name.strip();
        return stripped.length() <= MAX_NAME ? stripped : stripped.substring(0, MAX_NAME - 1) + "…";
    }

    /** The tags a new post of this ticket gets: its status's and its category's (those the forum has). */
    List<ForumTag> forNewPost(ForumChannel forum, Long ticketId) {
        return tickets.standingOf(ticketId).map(standing -> wanted(forum, standing)).orElse(List.of());
    }

    /**
     * The tags the ticket's post should carry instead of those it carries, when they differ: its status
     * tag and category tag replace the other status and category tags; the rest stay. Empty when
     * nothing is to change (or the post is not in a forum).
     */
    Optional<List<ForumTag>> retagged(ThreadChannel post, Long ticketId) {
        if (!(post.getParentChannel() instanceof ForumChannel forum)) {
            return Optional.empty();
        }
        Standing standing = tickets.standingOf(ticketId).orElse(null);
        if (standing == null) {
            return Optional.empty();
        }
        List<ForumTag> wanted = wanted(forum, standing);
        List<ForumTag> applied = post.getAppliedTags();
        Set<Long> wantedIds = ids(wanted);
        Set<String> statusNames = Arrays.stream(TicketStatus.values()).map(this::statusTag).collect(Collectors.toSet());
        boolean otherStatus = applied.stream().anyMatch(t -> statusNames.contains(t.getName()) && !wantedIds.contains(t.getIdLong()));
        if (ids(applied).containsAll(wantedIds) && !otherStatus) {
            return Optional.empty();
        }
        Set<String> ours = new LinkedHashSet<>(statusNames);
        categories.all().forEach(category -> ours.add(tagName(category.name())));
        List<ForumTag> tags = new ArrayList<>(wanted);
        applied.stream().filter(t -> !ours.contains(t.getName()) && !wantedIds.contains(t.getIdLong())).forEach(tags::add);
        List<ForumTag> limited = List.copyOf(tags.subList(0, Math.min(tags.size(), ForumChannel.MAX_POST_TAGS)));
        return ids(limited).equals(ids(applied)) ? Optional.empty() : Optional.of(limited);
    }

    private static Set<Long> ids(List<ForumTag> tags) {
        return tags.stream().map(ForumTag::getIdLong).collect(Collectors.toSet());
    }

    /** The ticket's status tag and category tag, made on the forum first when it lacks them and has room. */
    private List<ForumTag> wanted(ForumChannel forum, Standing standing) {
        List<String> names = new ArrayList<>();
        names.add(statusTag(standing.status()));
        if (standing.categoryName() != null && !standing.categoryName().isBlank()) {
            names.add(tagName(standing.categoryName()));
        }
        ForumChannel current = forum;
        if (!named(current, names).stream().allMatch(Objects::nonNull)) {
            current = ensure(forum);
        }
        List<ForumTag> found = new ArrayList<>();
        named(current, names).stream().filter(Objects::nonNull)
                .filter(tag -> found.stream().noneMatch(t -> t.getIdLong() == tag.getIdLong())).forEach(found::add);
        return found;
    }

    private static List<ForumTag> named(ForumChannel forum, List<String> names) {
        List<ForumTag> found = new ArrayList<>();
        for (String name : names) {
            found.add(forum.getAvailableTags().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null));
        }
        return found;
    }

    /**
     * Makes the forum's missing tags (the statuses', then the active categories', while there is room)
     * and waits until the client knows them; the forum as the client knows it afterwards. One at a
     * time: two senders making tags at once would each replace the other's.
     */
    synchronized ForumChannel ensure(ForumChannel forum) {
        ForumChannel known = fresh(forum);
        List<ForumTag> available = known.getAvailableTags();
        Set<String> have = available.stream().map(ForumTag::getName).collect(Collectors.toSet());
        Set<String> missing = new LinkedHashSet<>();
        Arrays.stream(TicketStatus.values()).map(this::statusTag).forEach(missing::add);
        categories.active().stream().map(CategoryView::name).map(DiscordForumTags::tagName).forEach(missing::add);
        missing.removeAll(have);
        List<String> made = missing.stream().limit(Math.max(0, MAX_FORUM_TAGS - available.size())).toList();
        Set<String> left = missing.stream().skip(made.size()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!left.equals(leftOut)) {
            leftOut = left;
            if (!left.isEmpty()) {
                log.warn("Discord forum {} has room for {} tags only: no tag for {} (their posts carry the status tag only)",
                        known.getId(), MAX_FORUM_TAGS, left);
            }
        }
        if (made.isEmpty() || System.currentTimeMillis() < refusedUntil) {
            return known;
        }
        List<BaseForumTag> tags = new ArrayList<>(available);
        made.forEach(name -> tags.add(new ForumTagData(name)));
        try {
            known.getManager().setAvailableTags(tags).submit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return known;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            refusedUntil = System.currentTimeMillis() + RETRY_AFTER.toMillis();
            log.warn("Discord forum {} did not take the tags {} (the bot needs Manage Channels there, or make them by hand): {}",
                    known.getId(), made, e instanceof ExecutionException ? e.getCause().toString() : e.toString());
            return known;
        }
        log.info("Discord forum {}: tags {} made", known.getId(), made);
        long until = System.nanoTime() + CACHE_WAIT.toNanos();
        while (System.nanoTime() < until) {
            ForumChannel now = fresh(forum);
            if (now.getAvailableTags().stream().map(ForumTag::getName).collect(Collectors.toSet()).containsAll(made)) {
                return now;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fresh(forum);
    }

    private static ForumChannel fresh(ForumChannel forum) {
        ForumChannel cached = forum.getJDA().getForumChannelById(forum.getId());
        return cached == null ? forum : cached;
    }
}
