package com.careregistry.web.tickets;

import com.careregistry.core.article.ArticleStats;
import com.careregistry.core.common.Channel;
import com.careregistry.core.inbox.Inbox;
import com.careregistry.core.outbox.MessageSender;
import com.careregistry.core.outbox.Outbox;
import com.careregistry.core.outbox.OutboxStatus;
import com.careregistry.core.sla.SlaStats;
import com.careregistry.core.ticket.DeskStats;
import com.careregistry.core.ticket.DeskTrends;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * M6: how the desk is doing, and which channels are on; and how it went, in charts: tickets opened
 * and tickets still open each day, how long first answers took, the weekly rating, the breaches.
 */
@Controller
class DashboardController {

    static final String VIEW = "admin/dashboard";

    private final DeskStats stats;
    private final SlaStats sla;
    private final List<MessageSender> senders;
    private final Outbox outbox;
    private final Inbox inbox;
    private final ArticleStats articleStats;
    private final DeskTrends trends;
    private final MessageSource messages;

    DashboardController(DeskStats stats, SlaStats sla, List<MessageSender> senders, Outbox outbox, Inbox inbox,
                        ArticleStats articleStats, DeskTrends trends, MessageSource messages) {
        this.sla = sla;
        this.trends = trends;
        this.messages = messages;
        this.articleStats = articleStats;
        this.stats = stats;
        this.senders = senders;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @GetMapping("/admin")
    String dashboard(Model model, Locale locale) {
        Map<Channel, Boolean> channels = new LinkedHashMap<>();
        for (Channel channel : List.of(Channel.TELEGRAM, Channel.DISCORD, Channel.EMAIL)) {
            channels.put(channel, senders.stream().anyMatch(s -> s.channel() == channel && s.ready()));
        }
        Map<OutboxStatus, Long> delivery = outbox.countsByStatus();
        DeskStats.Stats now = stats.now();
        model.addAttribute("stats", now);
        Text text = new Text(messages, locale);
        model.addAttribute("openedChart", perDay(now.openedPerDay(), text, "web.dashboard.chart.opened"));
        model.addAttribute("backlogChart", perDay(trends.backlogPerDay(), text, "web.dashboard.chart.open"));
        model.addAttribute("waitsChart", waits(trends.firstResponses(), text));
        model.addAttribute("ratingsChart", ratings(trends.satisfactionPerWeek(), text));
        model.addAttribute("breachesChart", breaches(sla.perDay(), text));
        model.addAttribute("sla", sla.now());
        model.addAttribute("articles", articleStats.lastThirtyDays());
        model.addAttribute("channels", channels);
        model.addAttribute("pending", delivery.get(OutboxStatus.PENDING));
        model.addAttribute("dead", delivery.get(OutboxStatus.DEAD));
        model.addAttribute("inboxPending", inbox.countPending());
        model.addAttribute("inboxFailed", inbox.countFailed());
        return VIEW;
    }

    /** Messages in the viewer's language, and dates as the charts write them. */
    private record Text(MessageSource messages, Locale locale) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        String shortDate(LocalDate day) {
            return DateTimeFormatter.ofPattern("d MMM", locale).format(day);
        }

        String longDate(LocalDate day) {
            return DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale).format(day);
        }
    }

    /** A bar a day, a date under every fifth day and the last. */
    private static Charts.BarChart perDay(Map<LocalDate, Long> days, Text text, String heading) {
        List<Charts.Column> columns = new ArrayList<>();
        int i = 0;
        for (Map.Entry<LocalDate, Long> day : days.entrySet()) {
            boolean labelled = i % 5 == 0 || i == days.size() - 1;
            columns.add(Charts.Column.of(labelled ? text.shortDate(day.getKey()) : null, text.longDate(day.getKey()), day.getValue(),
                    day.getKey() + ": " + day.getValue()));
            i++;
        }
        return Charts.bars(columns, List.of(""), List.of(text.get("web.dashboard.chart.day"), text.get(heading)), false);
    }

    /** A bar per wait, each labelled, its count above. */
    private static Charts.BarChart waits(Map<DeskTrends.Wait, Long> waits, Text text) {
        List<Charts.Column> columns = new ArrayList<>();
        waits.forEach((wait, count) -> columns.add(Charts.Column.of(text.get(wait.textKey()), text.get(wait.textKey() + ".long"), count,
                text.get(wait.textKey() + ".long") + ": " + count)));
        return Charts.bars(columns, List.of(""), List.of(text.get("web.dashboard.chart.wait"), text.get("web.dashboard.chart.tickets")), true);
    }

    /** A dot per week with ratings, its date and number of ratings under it. */
    private static Charts.LineChart ratings(List<DeskTrends.Week> weeks, Text text) {
        List<Charts.Week> drawn = new ArrayList<>();
        for (DeskTrends.Week week : weeks) {
            String average = week.average().map(stars -> String.format(text.locale(), "%.1f", stars)).orElse("—");
            drawn.add(new Charts.Week(text.shortDate(week.monday()), text.longDate(week.monday()), week.average(), week.ratings(),
                    week.monday() + ": " + text.get("web.dashboard.chart.rating", average, week.ratings())));
        }
        return Charts.ratings(drawn, List.of(text.get("web.dashboard.chart.week"), text.get("web.dashboard.chart.average"),
                text.get("web.dashboard.chart.ratings")), stars -> String.format(text.locale(), "%.1f", stars));
    }

    /** Two bars stacked a day: first answers late, resolutions late. */
    private static Charts.BarChart breaches(Map<LocalDate, SlaStats.Day> days, Text text) {
        List<Charts.Column> columns = new ArrayList<>();
        int i = 0;
        String firstResponse = text.get("web.dashboard.breaches.first-response");
        String resolution = text.get("web.dashboard.breaches.resolution");
        for (Map.Entry<LocalDate, SlaStats.Day> day : days.entrySet()) {
            boolean labelled = i % 5 == 0 || i == days.size() - 1;
            SlaStats.Day late = day.getValue();
            columns.add(new Charts.Column(labelled ? text.shortDate(day.getKey()) : null, text.longDate(day.getKey()),
                    List.of(late.firstResponsesLate(), late.resolutionsLate()),
                    List.of(day.getKey() + ": " + firstResponse + " " + late.firstResponsesLate(),
                            day.getKey() + ": " + resolution + " " + late.resolutionsLate())));
            i++;
        }
        return Charts.bars(columns, List.of("first-response", "resolution"),
                List.of(text.get("web.dashboard.chart.day"), firstResponse, resolution), false);
    }
}
