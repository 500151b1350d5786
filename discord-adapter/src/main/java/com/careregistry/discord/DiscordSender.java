package com.careregistry.discord;

import com.careregistry.core.common.Channel;
import com.careregistry.core.outbox.Delivery;
import com.careregistry.core.outbox.DeliveryFailure;
import com.careregistry.core.outbox.MessageAction;
import com.careregistry.core.outbox.MessageSender;
import com.careregistry.core.outbox.OutboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * The outbox's way into Discord, for direct messages to customers: the text in parts of at most
 * 2000 characters (markdown escaped), buttons with the last part, through JDA's own rate limiter.
 * It runs on the outbox's dispatch thread (never JDA's event thread) and waits for Discord's
 * answer, so a failure reaches the outbox's retry with its reason; a part-way failure reports the
 * parts that arrived.
 */
class DiscordSender implements MessageSender {

    private static final long TIMEOUT_SECONDS = 20;

    private final JDA jda;

    DiscordSender(JDA jda) {
        this.jda = jda;
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    @Override
    public boolean ready() {
        return jda.getStatus() == JDA.Status.CONNECTED;
    }

    @Override
    public Delivery send(OutboundMessage message) throws DeliveryFailure {
        List<String> parts = DiscordText.parts(message.body());
        String lastId = null;
        for (int part = message.partsSent(); part < parts.size(); part++) {
            boolean last = part == parts.size() - 1;
            String text = parts.get(part);
            try {
                Message sent = jda.openPrivateChannelById(message.chat().chatId())
                        .flatMap(dm -> {
                            // what a customer typed never pings anyone
                            var action = dm.sendMessage(text).setAllowedMentions(List.of());
                            if (last && !message.actions().isEmpty()) {
                                action = action.setComponents(rows(message.actions()));
                            }
                            return action;
                        })
                        .submit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                lastId = sent.getId();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DeliveryFailure.transientFailure("interrupted").afterParts(part);
            } catch (TimeoutException e) {
                throw DeliveryFailure.transientFailure("Discord did not answer in " + TIMEOUT_SECONDS + " s").afterParts(part);
            } catch (ExecutionException e) {
                throw failure(e.getCause()).afterParts(part);
            }
        }
        return new Delivery(lastId);
    }

    private static List<ActionRow> rows(List<MessageAction> actions) {
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
