package com.careregistry.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The few chats of one poll go to one worker, in one batch, not one each to workers woken all at
 * once; chats beyond a batch wake another worker.
 */
class InboxQueueTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    private static InboxQueue queue(int batch) {
        return queue(batch, Duration.ofMillis(300));
    }

    private static InboxQueue queue(int batch, Duration gather) {
        return new InboxQueue(new InboxSettings(2, batch, Duration.ofMillis(500), 3, Duration.ofSeconds(1), Duration.ofMinutes(1),
                gather, false));
    }

    private List<Future<List<String>>> twoIdleWorkers(InboxQueue queue) {
        List<Future<List<String>>> takes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            takes.add(workers.submit(() -> queue.takeBatch(1500, TimeUnit.MILLISECONDS)));
        }
        return takes;
    }

    private static List<List<String>> results(List<Future<List<String>>> takes) throws Exception {
        List<List<String>> results = new ArrayList<>();
        for (Future<List<String>> take : takes) {
            results.add(take.get(5, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void aFewChatsGoToOneWorkerAsOneBatch() throws Exception {
        InboxQueue queue = queue(16);
        List<Future<List<String>>> takes = twoIdleWorkers(queue);

        queue.offer(List.of("a", "b", "c"));

        assertThat(results(takes)).as("one worker took the three chats; the other was not woken for them")
                .containsExactlyInAnyOrder(List.of("a", "b", "c"), List.of());
    }

    @Test
    void chatsBeyondABatchWakeAnotherWorker() throws Exception {
        InboxQueue queue = queue(2);
        List<Future<List<String>>> takes = twoIdleWorkers(queue);

        queue.offer(List.of("a", "b", "c", "d"));

        assertThat(results(takes)).as("two batches of two, one per worker")
                .containsExactlyInAnyOrder(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void aWholeDeliveryIsTakenAtOnceWhileOneEventAloneIsGatheredFor() throws Exception {
        InboxQueue queue = queue(16, Duration.ofSeconds(30));
        Future<List<String>> take = workers.submit(() -> queue.takeBatch(1500, TimeUnit.MILLISECONDS));

        queue.offerWhole(List.of("a", "b"));

        assertThat(take.get(5, TimeUnit.SECONDS)).as("a poll's batch is all there is: taken without the 30 s gather")
                .containsExactly("a", "b");

        Future<List<String>> gathering = workers.submit(() -> queue.takeBatch(1500, TimeUnit.MILLISECONDS));
        queue.offer(List.of("c"));   // one event as it came: the worker that takes it waits for more
        assertThat(gathering).as("still gathering after the first chat").isNotDone();
        queue.offerWhole(List.of("d"));   // a whole delivery ends the wait

        assertThat(gathering.get(5, TimeUnit.SECONDS)).containsExactly("c", "d");
    }
}
