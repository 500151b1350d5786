package com.careregistry.process;

import com.careregistry.discord.DiscordApiDouble;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * Customers writing to the bot in their Discord DMs, through the Discord double: each opens a
 * ticket ({@code /new}, then the description), then writes marked messages ({@link #MARK}) at a
 * steady pace, whether a gateway session is connected or not (while one instance hands the gateway
 * to another, what they write reaches no session; the channel keeps it, as Discord does).
 */
public final class DiscordCustomers {

    /** The mark of a message: the customer, then its number among theirs. */
    public static final Pattern MARK = Pattern.compile("#D(\\d+)-S(\\d+)#");

    private final DiscordApiDouble discord;
    private final int customers;
    private final AtomicInteger written = new AtomicInteger();

    public DiscordCustomers(DiscordApiDouble discord, int customers) {
        this.discord = discord;
        this.customers = customers;
        for (int i = 0; i < customers; i++) {
            discord.withDirectMessageChannel(userId(i), dmChannel(i));
        }
    }

    static String userId(int customer) {
        return String.valueOf(410_000_000_000_000_000L + customer);
    }

    static String dmChannel(int customer) {
        return String.valueOf(420_000_000_000_000_000L + customer);
    }

    /** Every customer opens a ticket and sees it created. */
    public void openTickets(Duration timeout) {
        Timing.within(timeout, Duration.ofMillis(20), discord::connected);
        for (int i = 0; i < customers; i++) {
            int customer = i;
            write(customer, "/new");
            awaitPost(customer, "Please describe", timeout);
            write(customer, "Discord customer " + customer + " cannot print");
            awaitPost(customer, "Ticket #", timeout);
        }
    }

    /** Starts writing {@code perCustomer} marked messages from each customer, {@code perSecond} in all; done when all are written. */
    public CompletableFuture<Integer> start(int perCustomer, double perSecond) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            int n = 0;
            for (int seq = 0; seq < perCustomer; seq++) {
                for (int customer = 0; customer < customers; customer++) {
                    long due = start + (long) (n++ * 1e9 / perSecond);
                    Timing.within(Duration.ofMinutes(2), Duration.ofMillis(2), () -> System.nanoTime() >= due);
                    write(customer, "Still waiting #D" + customer + "-S" + seq + "#");
                    written.incrementAndGet();
                }
            }
            return n;
        });
    }

    public int customers() {
        return customers;
    }

    public int written() {
        return written.get();
    }

    private void write(int customer, String text) {
        discord.dispatch("MESSAGE_CREATE", discord.dmMessageCreate(userId(customer), "customer" + customer, dmChannel(customer), text));
    }

    private void awaitPost(int customer, String start, Duration timeout) {
        Awaitility.await().alias("Discord customer " + customer + " told \"" + start + "…\"").atMost(timeout)
                .pollInterval(Duration.ofMillis(20)).until(() -> discord.postedIn(dmChannel(customer)).stream()
                        .anyMatch(post -> post.path("content").asText().startsWith(start)));
    }
}
