package com.careregistry.discord;

import com.careregistry.core.outbox.MessageAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.container.ContainerChildComponent;
import net.dv8tion.jda.api.components.separator.Separator;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * A ticket's card in a forum post, as Discord's Components V2 show it: one container holding the
 * card's text as the core wrote it (its first line, the number and subject, as the heading; the
 * lines up to the first blank one, the customer, category, channel and due times, as the facts;
 * the rest, the description, below a divider) and the staff's buttons (Claim · Resolve) in a row.
 * A message with components V2 carries no plain content; its texts together may hold at most
 * 4000 characters, so a longer card is sent as plain text instead.
 */
final class DiscordCard {

    /** Discord: the text displays of one message hold at most 4000 characters together. */
    static final int MAX_TEXT = 4000;

    private DiscordCard() {
    }

    /** The card as a Components V2 message; empty when its text is too long for one (then it goes as plain text). */
    static Optional<MessageCreateData> of(String body, List<MessageAction> actions) {
        String text = body.strip();
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        String description = blank < 0 ? "" : text.substring(blank + 2).strip();
        int firstBreak = head.indexOf('\n');
        String heading = "### " + MarkdownSanitizer.escape(firstBreak < 0 ? head : head.substring(0, firstBreak));
        String facts = firstBreak < 0 ? "" : MarkdownSanitizer.escape(head.substring(firstBreak + 1).strip());
        String about = MarkdownSanitizer.escape(description);
        if (heading.length() + facts.length() + about.length() > MAX_TEXT) {
            return Optional.empty();
        }
        List<ContainerChildComponent> children = new ArrayList<>();
        children.add(TextDisplay.of(heading));
        if (!facts.isEmpty()) {
            children.add(TextDisplay.of(facts));
        }
        if (!about.isEmpty()) {
            children.add(Separator.createDivider(Separator.Spacing.SMALL));
            children.add(TextDisplay.of(about));
        }
        children.addAll(DiscordSender.rows(actions));
        return Optional.of(new MessageCreateBuilder().useComponentsV2().setComponents(Container.of(children))
                .setAllowedMentions(List.of()).build());
    }
}
