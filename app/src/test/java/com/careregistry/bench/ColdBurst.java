package com.careregistry.bench;

import com.careregistry.process.RelayLoad.Phase;
import com.careregistry.process.Timing;
import com.careregistry.telegram.TelegramApiDouble;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** New customers who all write their first message at the same moment: how soon each gets an answer. */
record ColdBurst(int customers, double allMillis, double p50, double p99) {

    private static final java.util.concurrent.atomic.AtomicLong NEXT_FIRST_USER = new java.util.concurrent.atomic.AtomicLong(8_100_000L);

    static ColdBurst run(TelegramApiDouble api, int customers, Duration timeout) {
        long firstUser = NEXT_FIRST_USER.getAndAdd(100_000);   // customers the service has never seen
        Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
        api.onCall(call -> {
            if (call.is("sendMessage") && call.succeeded()) {
                long chat = Long.parseLong(call.param("chat_id"));
                if (chat >= firstUser && chat < firstUser + customers) {
                    answeredAt.putIfAbsent(chat, System.nanoTime());
                }
            }
        });
        long start = System.nanoTime();
        for (int c = 0; c < customers; c++) {
            api.enqueueUpdate(api.privateText(firstUser + c, "New" + c, "en", "Hello, my order has not arrived"));
        }
        Timing.within(timeout.minusNanos(System.nanoTime() - start), Duration.ofMillis(2), () -> answeredAt.size() >= customers);
        double[] millis = answeredAt.values().stream().mapToDouble(t -> (t - start) / 1e6).sorted().toArray();
        double all = millis.length < customers ? Double.NaN : millis[millis.length - 1];
        return new ColdBurst(customers, all, Phase.percentile(millis, 50), Phase.percentile(millis, 99));
    }
}
