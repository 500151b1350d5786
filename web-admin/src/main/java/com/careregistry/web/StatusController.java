package com.careregistry.web;

import com.careregistry.core.common.Channel;
import com.careregistry.core.outbox.MessageSender;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.outbox.OutboxStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The panel's front page while sign-in is not built (issue 4): which channels are on and how
 * delivery stands. It shows no ticket or person data, since nobody signs in to see it.
 */
@Controller
class StatusController {

    static final String VIEW = "status";

    private final List<MessageSender> senders;
    private final Outbox outbox;

    StatusController(List<MessageSender> senders, Outbox outbox) {
        this.senders = senders;
        this.outbox = outbox;
    }

    @GetMapping("/")
    String status(Model model) {
        Map<Channel, Boolean> channels = new LinkedHashMap<>();
        for (Channel channel : List.of(Channel.TELEGRAM, Channel.DISCORD, Channel.EMAIL)) {
            channels.put(channel, senders.stream().anyMatch(s -> s.channel() == channel && s.ready()));
        }
        Map<OutboxStatus, Long> delivery = outbox.countsByStatus();
        model.addAttribute("channels", channels);
        model.addAttribute("pending", delivery.get(OutboxStatus.PENDING));
        model.addAttribute("dead", delivery.get(OutboxStatus.DEAD));
        return VIEW;
    }
}
