package com.careregistry.process;

import com.careregistry.telegram.TelegramApiDouble;
import com.careregistry.telegram.TelegramApiDouble.Call;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customers writing to the bot through the Telegram double, and what reaches the staff group: each
 * customer message carries a mark ({@code #P<phase>-S<seq>#}); the double's listener notes when its
 * relay arrived in the staff group, how often, and whether each customer's relays kept their order.
 */
public final class RelayLoad {

    public static final long STAFF_GROUP = -1009000000001L;
    private static final long FIRST_USER = 7_000_001L;
    private static final Pattern MARK = Pattern.compile("#P(\\d+)-S(\\d+)#");

    private final TelegramApiDouble api;
    private final int customers;
    private final Map<Integer, Phase> phases = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> answersTo = new ConcurrentHashMap<>();
    private final AtomicInteger topicCards = new AtomicInteger();
    private final AtomicInteger nextPhase = new AtomicInteger(1);

    public RelayLoad(TelegramApiDouble api, int customers) {
        this.api = api;
        this.customers = customers;
        api.onCall(this::seen);
    }

    public int customers() {
        return customers;
    }

    public static long userId(int customer) {
        return FIRST_USER + customer;
    }

    private void seen(Call call) {
        if (!call.is("sendMessage") || call.failed()) {
            return;
        }
        long chat = Long.parseLong(call.param("chat_id"));
        String text = call.param("text");
        if (chat != STAFF_GROUP) {
            answersTo.computeIfAbsent(chat, c -> new AtomicInteger()).incrementAndGet();
            return;
        }
        Matcher mark = MARK.matcher(text);
        if (mark.find()) {
            Phase phase = phases.get(Integer.parseInt(mark.group(1)));
            if (phase != null) {
                phase.relayed(Integer.parseInt(mark.group(2)), System.nanoTime());
            }
        } else if (text.contains("Bench customer")) {
            topicCards.incrementAndGet();
        }
    }

    private void say(long userId, String text) {
        api.enqueueUpdate(api.privateText(userId, "Cust" + (userId - FIRST_USER), "en", text));
    }

    /** How many messages the bot sent to this customer's chat so far. */
    public int answersTo(long userId) {
        AtomicInteger count = answersTo.get(userId);
        return count == null ? 0 : count.get();
    }

    /** Each customer opens a ticket (/new, then the description); returns when every ticket's card reached the staff group. */
    public void openTickets(Duration timeout) {
        for (int c = 0; c < customers; c++) {
            say(userId(c), "/new");
        }
        awaitAnswers(1, timeout);
        for (int c = 0; c < customers; c++) {
            say(userId(c), "Bench customer " + c + ": my phone does not start");
        }
        awaitAnswers(2, timeout);
        if (!Timing.within(timeout, Duration.ofMillis(20), () -> topicCards.get() >= customers)) {
            throw new IllegalStateException("only " + topicCards.get() + " of " + customers + " ticket cards reached the staff group");
        }
    }

    private void awaitAnswers(int each, Duration timeout) {
        if (!Timing.within(timeout, Duration.ofMillis(10), () -> firstAnsweredFewer(each) < 0)) {
            int c = firstAnsweredFewer(each);
            if (c >= 0) {
                throw new IllegalStateException("customer " + c + " got " + answersTo(userId(c)) + " answers, not " + each);
            }
        }
    }

    /** The first customer whose chat got fewer than {@code each} messages from the bot, or -1. */
    private int firstAnsweredFewer(int each) {
        for (int c = 0; c < customers; c++) {
            if (answersTo(userId(c)) < each) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Plays {@code count} customer messages, round-robin over the customers, at {@code perSecond}
     * (0: all at once); returns once the last was sent, without waiting for their relays: the phase
     * records what arrives.
     */
    public Phase play(int count, double perSecond) {
        try {
            return start(count, perSecond).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Starts playing {@code count} customer messages as {@link #play} does and returns at once; the
     * future completes when the last was sent. Message {@code seq} is due {@code seq / perSecond}
     * seconds after the start: a scheduler thread of the phase's own sends, in order, every message
     * that is due (one late sends at once, as many as have come due), then schedules itself for
     * when the next is due.
     */
    public CompletableFuture<Phase> start(int count, double perSecond) {
        Phase phase = new Phase(nextPhase.getAndIncrement(), count, customers);
        phases.put(phase.number, phase);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "relay-load-P" + phase.number);
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<Phase> done = new CompletableFuture<>();
        done.whenComplete((played, failed) -> pacer.shutdown());
        long start = System.nanoTime();
        phase.started = start;
        phase.startedEpochNanos = epochNanos();
        pacer.execute(new Runnable() {
            private int seq;

            @Override
            public void run() {
                try {
                    while (seq < count) {
                        if (perSecond > 0) {
                            long due = start + (long) (seq * 1e9 / perSecond);
                            long early = due - System.nanoTime();
                            if (early > 0) {
                                pacer.schedule(this, early, TimeUnit.NANOSECONDS);
                                return;
                            }
                        }
                        int customer = seq % customers;
                        phase.sent.set(seq, System.nanoTime());
                        say(userId(customer), "Update " + seq + " from customer " + customer + " #P" + phase.number + "-S" + seq + "#");
                        seq++;
                    }
                    phase.lastSent = System.nanoTime();
                    done.complete(phase);
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            }
        });
        return done;
    }

    private static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** One run of customer messages and what became of them. */
    public static final class Phase {
        final int number;
        final int count;
        final int customers;
        final AtomicLongArray sent;
        final AtomicLongArray relayedAt;
        final AtomicIntegerArray relays;
        final AtomicIntegerArray lastSeqOf;
        final AtomicInteger relayed = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        /** Each relay that came again: which message, and when (nanoTime) it came first and again. */
        final List<Again> again = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile long started;
        /** The wall clock (ns since the epoch) at {@link #started}: to set the double's times beside the service's timestamps. */
        volatile long startedEpochNanos;
        volatile long lastSent;
        volatile long lastRelay;

        Phase(int number, int count, int customers) {
            this.number = number;
            this.count = count;
            this.customers = customers;
            this.sent = new AtomicLongArray(count);
            this.relayedAt = new AtomicLongArray(count);
            this.relays = new AtomicIntegerArray(count);
            this.lastSeqOf = new AtomicIntegerArray(customers);
            for (int c = 0; c < customers; c++) {
                lastSeqOf.set(c, -1);
            }
        }

        void relayed(int seq, long now) {
            if (seq < 0 || seq >= count) {
                return;
            }
            if (relays.incrementAndGet(seq) > 1) {
                again.add(new Again(seq, relayedAt.get(seq), now));
                return;
            }
            relayedAt.set(seq, now);
            int customer = seq % customers;
            int previous = lastSeqOf.getAndSet(customer, seq);
            if (previous > seq) {
                outOfOrder.incrementAndGet();
            }
            relayed.incrementAndGet();
            lastRelay = now;
        }

        public int count() {
            return count;
        }

        /** When (ms since the epoch) the double held message {@code seq}, for its customer to send. */
        public double heldAtEpochMillis(int seq) {
            return (startedEpochNanos + (sent.get(seq) - started)) / 1e6;
        }

        /** When (ms since the epoch) the relay of message {@code seq} reached the double, or NaN when it has not. */
        public double relayedAtEpochMillis(int seq) {
            return relays.get(seq) == 0 ? Double.NaN : (startedEpochNanos + (relayedAt.get(seq) - started)) / 1e6;
        }

        public int relayed() {
            return relayed.get();
        }

        public int duplicates() {
            return again.size();
        }

        public int outOfOrder() {
            return outOfOrder.get();
        }

        /** Each message relayed twice: when it was sent and when its relays came, from the phase's start. */
        public List<String> doubled() {
            return again.stream().map(relay -> String.format(java.util.Locale.ROOT, "S%d sent %.3f s, relayed %.3f s and %.3f s",
                    relay.seq(), (sent.get(relay.seq()) - started) / 1e9, (relay.first() - started) / 1e9, (relay.again() - started) / 1e9))
                    .toList();
        }

        /** A message relayed again: its sequence number, and when (nanoTime) it was relayed first and again. */
        public record Again(int seq, long first, long again) {
        }

        /**
         * How many messages of one customer's chat the same kill made go out twice, at most: each
         * doubled relay counts for the last of {@code kills} (nanoTime) before it came again. With
         * one message in flight per chat, a kill can double at most one message of each chat.
         */
        public int mostDoubledInOneChatByOneKill(List<Long> kills) {
            Map<Map.Entry<Long, Integer>, Integer> counts = new java.util.HashMap<>();
            for (Again relay : again) {
                long kill = kills.stream().filter(k -> k < relay.again()).max(Long::compare).orElse(-1L);
                counts.merge(Map.entry(kill, relay.seq() % customers), 1, Integer::sum);
            }
            return counts.values().stream().max(Integer::compare).orElse(0);
        }

        /** When (nanoTime) the first relay after {@code nanos} arrived, or -1 when none did. */
        public long firstRelayAfter(long nanos) {
            long first = -1;
            for (int seq = 0; seq < count; seq++) {
                long at = relayedAt.get(seq);
                if (relays.get(seq) > 0 && at > nanos && (first < 0 || at < first)) {
                    first = at;
                }
            }
            return first;
        }

        /** Messages sent whose relay never came. */
        public int lost() {
            return count - relayed.get();
        }

        /** Waits until every message was relayed, or the timeout; true when all were. */
        public boolean awaitRelayed(Duration timeout) {
            Timing.within(timeout, Duration.ofMillis(5), () -> relayed.get() >= count);
            return relayed.get() >= count;
        }

        /** Relays per second, from the first message sent to the last relay. */
        public double relaysPerSecond() {
            return relayed.get() / ((lastRelay - started) / 1e9);
        }

        public double secondsToSend() {
            return (lastSent - started) / 1e9;
        }

        /** Milliseconds from the double receiving each message to the double receiving its relay, sorted. */
        public double[] latenciesMillis() {
            double[] all = new double[relayed.get()];
            int n = 0;
            for (int seq = 0; seq < count && n < all.length; seq++) {
                if (relays.get(seq) > 0) {
                    all[n++] = (relayedAt.get(seq) - sent.get(seq)) / 1e6;
                }
            }
            double[] done = Arrays.copyOf(all, n);
            Arrays.sort(done);
            return done;
        }

        /** Per tenth of a second of sending: how many were sent, and the slowest relay among them (ms). */
        public String timeline() {
            StringBuilder out = new StringBuilder();
            long bucket = 100_000_000L;
            int buckets = (int) ((lastSent - started) / bucket) + 1;
            int[] sentIn = new int[buckets];
            double[] worst = new double[buckets];
            for (int seq = 0; seq < count; seq++) {
                int b = (int) Math.min(buckets - 1, Math.max(0, (sent.get(seq) - started) / bucket));
                sentIn[b]++;
                if (relays.get(seq) > 0) {
                    worst[b] = Math.max(worst[b], (relayedAt.get(seq) - sent.get(seq)) / 1e6);
                }
            }
            for (int b = 0; b < buckets; b++) {
                out.append(String.format(java.util.Locale.ROOT, "%5.1fs %4d sent, slowest %6.0f ms%n", b / 10.0, sentIn[b], worst[b]));
            }
            return out.toString();
        }

        public static double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        /** The marks of the messages sent, in the order the customers wrote them (for audits in the database). */
        public List<String> marks() {
            return java.util.stream.IntStream.range(0, count).mapToObj(seq -> "#P" + number + "-S" + seq + "#").toList();
        }

        public int number() {
            return number;
        }

        public long startedNanos() {
            return started;
        }
    }

    /** Waits until the bot confirmed (polled past) every update the double holds. */
    public void awaitConfirmed(Duration timeout) {
        api.awaitUpdatesConfirmed(timeout);
    }
}
