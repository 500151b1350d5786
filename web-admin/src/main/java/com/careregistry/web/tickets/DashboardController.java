package com.careregistry.web.tickets;

import com.careregistry.core.article.ArticleStats;
import com.careregistry.core.common.Channel;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.outbox.MessageSender;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.outbox.OutboxStatus;
import com.careregistry.core.sla.SlaStats;
import com.careregistry.core.ticket.DeskStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** M6: how the desk is doing, and which channels are on. */
@Controller
class DashboardController {

    static final String VIEW = "admin/dashboard";

    private final DeskStats stats;
    private final SlaStats sla;
    private final List<MessageSender> senders;
    private final Outbox outbox;
    private final Inbox inbox;
    private final ArticleStats articleStats;

    DashboardController(DeskStats stats, SlaStats sla, List<MessageSender> senders, Outbox outbox, Inbox inbox,
                        ArticleStats articleStats) {
        this.sla = sla;
        this.articleStats = articleStats;
        this.stats = stats;
        this.senders = senders;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        Map<Channel, Boolean> channels = new LinkedHashMap<>();
        for (Channel channel : List.of(Channel.TELEGRAM, Channel.DISCORD, Channel.EMAIL)) {
            channels.put(channel, senders.stream().anyMatch(s -> s.channel() == channel && s.ready()));
        }
        Map<OutboxStatus, Long> delivery = outbox.countsByStatus();
        model.addAttribute("stats", stats.now());
        model.addAttribute("sla", sla.now());
        model.addAttribute("articles", articleStats.lastThirtyDays());
        model.addAttribute("channels", channels);
        model.addAttribute("pending", delivery.get(OutboxStatus.PENDING));
        model.addAttribute("dead", delivery.get(OutboxStatus.DEAD));
        model.addAttribute("inboxPending", inbox.countPending());
        model.addAttribute("inboxFailed", inbox.countFailed());
        return VIEW;
    }
}
