package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Redis down, paused, blocked or restarted under load: no tile request fails or waits beyond its bound, and nothing
 * Redis confirmed is lost. Each test runs its own server.
 */
class FaultToleranceTest {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(150);
    private static final CacheId CACHE = new CacheId("id", "g", "image/png", null);

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private RedisServerProcess redis(String... args) throws IOException {
        RedisServerProcess p = RedisServerProcess.launch(args);
        closeables.add(p);
        return p;
    }

    private RedisTileStore store(RedisServerProcess redis) {
        RedisTileStore store = RedisTileStore.start(RedisTileStoreConfig.builder()
                .nodes(List.of(redis.address()))
                .readTimeout(READ_TIMEOUT)
                .connectTimeout(Duration.ofMillis(150))
                .poolBorrowTimeout(Duration.ofMillis(100))
                .breakerFailureThreshold(3)
                .breakerOpenDuration(Duration.ofMillis(200))
                .build());
        closeables.add(store);
        return store;
    }

    /** The longest any tile call may take: the configured worst case plus scheduling slack on a busy CI machine. */
    private static long boundMillis(RedisTileStore store) {
        return store.config().worstCaseRequestTime().toMillis() + 250;
    }

    private static byte[] tile(int i) {
        return ("tile-" + i).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void redisDownGivesMissesAndDroppedWritesThenRecoversByItself() throws Exception {
        RedisServerProcess redis = redis();
        RedisTileStore store = store(redis);
        store.put("l", TileLocation.of(CACHE, 1, 0, 0), tile(0), null);

        redis.kill();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            assertThat(store.get(TileLocation.of(CACHE, 1, 0, 0))).isNull();
            assertThat(store.put("l", TileLocation.of(CACHE, 1, i, 0), tile(i), null)
                            .kind())
                    .isEqualTo(PutOutcome.Kind.DROPPED);
            assertThat(Duration.ofNanos(System.nanoTime() - t0).toMillis()).isLessThan(2 * boundMillis(store));
        }
        assertThat(store.metrics().writesDropped()).isEqualTo(10);
        assertThat(store.metrics().breakerOpenings()).isPositive();
        assertThat(store.metrics().readsShortCircuited()).isPositive();
        assertThatThrownBy(() -> store.deleteLayer("l")).isInstanceOf(StoreUnavailableException.class);

        redis.start();
        Await.until(
                Duration.ofSeconds(10),
                "writes succeed again",
                () -> store.put("l", TileLocation.of(CACHE, 2, 0, 0), tile(1), null)
                                .kind()
                        != PutOutcome.Kind.DROPPED);
        assertThat(store.get(TileLocation.of(CACHE, 2, 0, 0))).isNotNull();
        assertThat(store.metrics().breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void pausedRedisAnswersEveryConcurrentReadWithinTheTimeout() throws Exception {
        RedisServerProcess redis = redis();
        RedisTileStore store = store(redis);
        for (int i = 0; i < 16; i++) {
            store.put("l", TileLocation.of(CACHE, 3, i, 0), tile(i), null);
        }
        try (Jedis admin = new Jedis("127.0.0.1", redis.port())) {
            admin.clientPause(1500);
        }
        List<Long> millis = runConcurrently(16, i -> store.get(TileLocation.of(CACHE, 3, i, 0)));

        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(boundMillis(store)));
        assertThat(store.metrics().readFailures() + store.metrics().readsShortCircuited())
                .isPositive();
        Await.until(
                Duration.ofSeconds(10),
                "reads hit again after the pause",
                () -> store.get(TileLocation.of(CACHE, 3, 1, 0)) != null);
    }

    @Test
    void blockedRedisDoesNotHoldTileRequests() throws Exception {
        RedisServerProcess redis = redis();
        RedisTileStore store = store(redis);
        store.put("l", TileLocation.of(CACHE, 3, 0, 0), tile(0), null);
        ExecutorService blocker = Executors.newSingleThreadExecutor();
        CountDownLatch sent = new CountDownLatch(1);
        int port = redis.port();
        Future<?> sleep = blocker.submit(() -> {
            try (Jedis admin = new Jedis("127.0.0.1", port, 5000)) {
                sent.countDown();
                admin.sendCommand(() -> "DEBUG".getBytes(StandardCharsets.US_ASCII), "SLEEP", "1");
            }
            return null;
        });
        sent.await(5, TimeUnit.SECONDS);
        Await.until(Duration.ofSeconds(5), "Redis is blocked in DEBUG SLEEP", () -> {
            try (Jedis probe = new Jedis("127.0.0.1", redis.port(), 50)) {
                probe.ping();
                return false;
            } catch (RuntimeException e) {
                return true;
            }
        });

        List<Long> millis = runConcurrently(
                8,
                i -> store.put("l", TileLocation.of(CACHE, 4, i, 0), tile(i), null)
                        .kind());

        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(boundMillis(store)));
        sleep.get(10, TimeUnit.SECONDS);
        blocker.shutdown();
        Await.until(
                Duration.ofSeconds(10),
                "the tile is served again",
                () -> store.get(TileLocation.of(CACHE, 3, 0, 0)) != null);
    }

    @Test
    void everyWriteRedisConfirmedSurvivesACrashAndRestartUnderLoad() throws Exception {
        RedisServerProcess redis = redis("--appendonly", "yes", "--appendfsync", "always");
        RedisTileStore store = store(redis);
        ConcurrentLinkedQueue<TileLocation> confirmed = new ConcurrentLinkedQueue<>();
        AtomicLong attempts = new AtomicLong();
        CountDownLatch halfway = new CountDownLatch(400);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(writers.submit(() -> {
                for (int i = 0; i < 600; i++) {
                    TileLocation at = TileLocation.of(CACHE, 10, thread, i);
                    attempts.incrementAndGet();
                    if (store.put("l", at, tile(i), null).kind() != PutOutcome.Kind.DROPPED) {
                        confirmed.add(at);
                    }
                    halfway.countDown();
                }
            }));
        }
        halfway.await(30, TimeUnit.SECONDS);
        redis.kill();
        redis.start();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertThat(confirmed.size()).isGreaterThanOrEqualTo(400);
        Await.until(Duration.ofSeconds(10), "the store reads again", () -> store.get(confirmed.peek()) != null);
        List<TileLocation> lost =
                confirmed.stream().filter(at -> store.get(at) == null).toList();
        assertThat(lost).isEmpty();
        assertThat(store.metrics().writesDropped()).isEqualTo(attempts.get() - confirmed.size());
    }

    @Test
    void pendingBulkDeleteIsResumedByAnotherStoreAfterAStop() throws Exception {
        RedisServerProcess redis = redis();
        RedisTileStoreConfig slow = RedisTileStoreConfig.builder()
                .nodes(List.of(redis.address()))
                .deleteScanCount(10)
                .deleteBatchPause(Duration.ofMillis(200))
                .build();
        RedisTileStore first = RedisTileStore.start(slow);
        for (int i = 0; i < 1000; i++) {
            first.put("l", TileLocation.of(CACHE, 12, i, i), tile(i), null);
        }
        first.deleteLayer("l");
        first.close();
        long left = TileStoreContractTest.countKeys(store(redis), "gwc:t:*");
        assertThat(left)
                .as("tiles still to delete after the first store stopped")
                .isPositive();

        RedisTileStore second = store(redis);
        assertThat(second.pendingDeletions()).hasSize(1);
        assertThat(second.awaitDeletions(Duration.ofSeconds(30))).isTrue();

        assertThat(TileStoreContractTest.countKeys(second, "gwc:t:*")).isZero();
        assertThat(TileStoreContractTest.countKeys(second, "gwc:s:*")).isZero();
        assertThat(TileStoreContractTest.countKeys(second, "gwc:f:*")).isZero();
        assertThat(second.pendingDeletions()).isEmpty();
    }

    interface Call {
        Object run(int i);
    }

    /** Runs {@code n} calls at once; returns how long each took in ms. Any exception fails the test. */
    private static List<Long> runConcurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    call.run(index);
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                }));
            }
            start.countDown();
            List<Long> out = new ArrayList<>();
            for (Future<Long> f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
