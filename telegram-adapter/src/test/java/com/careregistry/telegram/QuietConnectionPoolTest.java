package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The pools of {@link QuietConnectionPool}, on OkHttp as it is on the classpath: calls reuse their
 * connection, releasing it wakes no thread, and idle connections are still closed.
 */
class QuietConnectionPoolTest {

    @Test
    void callsReuseTheirConnectionAndWakeNoThreadEach() throws IOException {
        try (TelegramApiDouble api = new TelegramApiDouble()) {
            ConnectionPool pool = QuietConnectionPool.create(5, Duration.ofMinutes(5));
            OkHttpClient http = new OkHttpClient.Builder().connectionPool(pool).build();
            call(http, api);   // the first call opens the connection and may start the sweeping thread
            long wakeUpsBefore = QuietConnectionPool.wakeUps();
            long started = System.nanoTime();
            int calls = 300;
            for (int i = 0; i < calls; i++) {
                call(http, api);
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            assertThat(pool.connectionCount()).as("one connection, kept alive between calls").isEqualTo(1);
            // OkHttp's own pool wakes its task runner's thread once per released connection: 300 here
            assertThat(QuietConnectionPool.wakeUps() - wakeUpsBefore)
                    .as("wake-ups of the sweeping threads during %d calls in %d s", calls, seconds)
                    .isLessThanOrEqualTo(seconds + 3);
            assertThat(api.calls("getMe")).hasSize(calls + 1);
        }
    }

    @Test
    void idleConnectionsAreStillClosedOnceTheirKeepAliveIsOver() throws IOException {
        try (TelegramApiDouble api = new TelegramApiDouble()) {
            ConnectionPool pool = QuietConnectionPool.create(5, Duration.ofMillis(200));
            OkHttpClient http = new OkHttpClient.Builder().connectionPool(pool).build();
            call(http, api);
            assertThat(pool.connectionCount()).isEqualTo(1);

            await().atMost(Duration.ofSeconds(2).plus(QuietConnectionPool.SWEEP.multipliedBy(2)))
                    .until(pool::connectionCount, count -> count == 0);
        }
    }

    private static void call(OkHttpClient http, TelegramApiDouble api) throws IOException {
        Request request = new Request.Builder().url(api.baseUrl() + "/bot1:T/getMe").build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("\"ok\":true");
        }
    }
}
