package com.careregistry.web.live;

import com.careregistry.core.ticket.TicketChanges;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The panel's live pages: each open page listens here (server-sent events, {@code GET /live}) and is
 * told when any ticket changed, by whichever instance, so it can fetch itself again (panel.js: the
 * lists, the queue and a ticket's timeline update in place and say how many are new). This instance
 * looks at the tickets' change mark every {@code careregistry.panel.live-interval} (1 s) while a
 * page listens, and not at all when none does. The events carry no data about tickets: a page reads
 * what its viewer may see.
 */
@Controller
class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    /** A page's stream ends after this; the browser opens it again at once (EventSource does). */
    private static final Duration STREAM = Duration.ofMinutes(30);

    private final TicketChanges changes;
    private final List<SseEmitter> listening = new CopyOnWriteArrayList<>();
    private volatile String last;

    LiveUpdates(TicketChanges changes) {
        this.changes = changes;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter listen() throws IOException {
        SseEmitter emitter = new SseEmitter(STREAM.toMillis());
        emitter.onCompletion(() -> listening.remove(emitter));
        emitter.onTimeout(() -> listening.remove(emitter));
        emitter.onError(failure -> listening.remove(emitter));
        // where the new page stands; the shared mark stays what the other pages were last told, or a
        // change made just before this page connected would never reach them
        emitter.send(SseEmitter.event().name("tickets").data(changes.mark()));
        listening.add(emitter);
        return emitter;
    }

    /**
     * The streams end as the service stops (each page opens one again, to another instance or once this
     * one is back): a graceful shutdown would otherwise wait for them, up to its timeout.
     */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        for (SseEmitter emitter : listening) {
            emitter.complete();
        }
        listening.clear();
    }

    @Scheduled(fixedDelayString = "${careregistry.panel.live-interval:1s}")
    void look() {
        if (listening.isEmpty()) {
            return;
        }
        String now;
        try {
            now = changes.mark();
        } catch (RuntimeException e) {
            log.debug("Live pages: the tickets' change mark could not be read: {}", e.toString());
            return;
        }
        if (now.equals(last)) {
            return;
        }
        last = now;
        for (SseEmitter emitter : listening) {
            try {
                emitter.send(SseEmitter.event().name("tickets").data(now));
            } catch (IOException | IllegalStateException gone) {
                listening.remove(emitter);
            }
        }
    }
}
