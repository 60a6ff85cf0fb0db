package org.gsweather.redis.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gsweather.redis.Await;
import org.gsweather.redis.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** Two "nodes" (two {@link RedisLocks} with their own ids) on one real Redis. */
class RedisLocksTest {
    private static RedisServerProcess redis;
    private RedisClient client;
    private final List<RedisLocks> nodes = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws IOException {
        redis = RedisServerProcess.launch();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void connect() throws IOException {
        if (!redis.running()) {
            redis.start();
        }
        client = RedisClient.builder()
                .hostAndPort(new HostAndPort("127.0.0.1", redis.port()))
                .clientConfig(DefaultJedisClientConfig.builder()
                        .socketTimeoutMillis(250)
                        .connectionTimeoutMillis(250)
                        .build())
                .build();
        client.flushAll();
    }

    @AfterEach
    void close() {
        nodes.forEach(RedisLocks::close);
        client.close();
    }

    private RedisLocks node(LockSettings settings) {
        RedisLocks n = new RedisLocks(() -> client, "t", settings);
        nodes.add(n);
        return n;
    }

    private RedisLocks node() {
        return node(LockSettings.defaults());
    }

    @Test
    void aLockIsHeldInRedisWithItsFencingTokenAndNodeAndReleasedFromIt() throws Exception {
        RedisLocks a = node();
        HeldLock lock = a.acquire("gsmeta_L_EPSG:900913_1_2_5.png");

        assertThat(lock.distributed()).isTrue();
        assertThat(client.get(a.key("gsmeta_L_EPSG:900913_1_2_5.png")))
                .isEqualTo(lock.fencingToken() + " " + a.nodeId());
        assertThat(client.pttl(a.key("gsmeta_L_EPSG:900913_1_2_5.png"))).isBetween(1L, 15_000L);

        lock.release();
        assertThat(client.exists(a.key("gsmeta_L_EPSG:900913_1_2_5.png"))).isFalse();
    }

    @Test
    void twoNodesNeverHoldOneNameAtOnceAndLaterHoldersHaveLargerTokens() throws Exception {
        RedisLocks a = node();
        RedisLocks b = node();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<Long> tokensInEntryOrder = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            RedisLocks node = t % 2 == 0 ? a : b;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 40; i++) {
                    HeldLock lock = node.acquire("metatile");
                    try {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        tokensInEntryOrder.add(lock.fencingToken());
                        inside.decrementAndGet();
                    } finally {
                        lock.release();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(mostInside.get()).isEqualTo(1);
        assertThat(tokensInEntryOrder).hasSize(640).isSorted().doesNotHaveDuplicates();
        assertThat(a.metrics().acquired() + b.metrics().acquired()).isEqualTo(640);
        assertThat(a.metrics().acquiredAfterWaiting() + b.metrics().acquiredAfterWaiting())
                .as("nodes waited for each other")
                .isPositive();
        assertThat(a.metrics().failedOpen() + b.metrics().failedOpen()).isZero();
        assertThat(client.exists(a.key("metatile"))).isFalse();
    }

    @Test
    void aNodeWaitsForTheOtherNodesLockAndGetsItWhenReleased() throws Exception {
        RedisLocks a = node();
        RedisLocks b = node();
        HeldLock held = a.acquire("m");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<HeldLock> waiting = pool.submit(() -> b.acquire("m"));
        Await.until(
                Duration.ofSeconds(5),
                "node b tried at least once",
                () -> Long.parseLong(client.get("t:{locks}:fence")) > held.fencingToken());
        assertThat(waiting).isNotDone();

        held.release();

        HeldLock next = waiting.get(5, TimeUnit.SECONDS);
        assertThat(next.distributed()).isTrue();
        assertThat(next.fencingToken()).isGreaterThan(held.fencingToken());
        pool.submit(next::release).get();
        pool.shutdown();
    }

    @Test
    void renewalExtendsTheLeaseOfHeldLocks() throws Exception {
        RedisLocks a = node();
        HeldLock lock = a.acquire("m");
        client.pexpire(a.key("m"), 500);

        a.renewAll();

        assertThat(client.pttl(a.key("m"))).isGreaterThan(10_000);
        assertThat(lock.lost()).isFalse();
        lock.release();
    }

    @Test
    void aHolderWhoseLeaseRanOutIsToldAndNeverReleasesItsSuccessorsLock() throws Exception {
        RedisLocks a = node();
        RedisLocks b = node();
        HeldLock first = a.acquire("m");
        client.del(a.key("m")); // the lease ran out while node a was stalled
        ExecutorService pool = Executors.newSingleThreadExecutor();
        HeldLock second = pool.submit(() -> b.acquire("m")).get(5, TimeUnit.SECONDS);

        a.renewAll();
        first.release();

        assertThat(first.lost()).isTrue();
        assertThat(a.metrics().leasesLost()).isEqualTo(1);
        assertThat(client.get(b.key("m"))).isEqualTo(second.fencingToken() + " " + b.nodeId());
        pool.submit(second::release).get();
        pool.shutdown();
    }

    @Test
    void aLockReleasedAfterAFailedRenderIsFreeAtOnce() throws Exception {
        RedisLocks a = node();
        RedisLocks b = node();
        HeldLock lock = a.acquire("m");
        try {
            throw new IllegalStateException("rendering failed");
        } catch (IllegalStateException expected) {
            // what GWC does: release in finally
        } finally {
            lock.release();
        }
        HeldLock next = b.acquire("m");
        assertThat(next.distributed()).isTrue();
        assertThat(b.metrics().acquiredAfterWaiting()).isZero();
        next.release();
    }

    @Test
    void waitingEndsWithATimeoutNamingTheHolder() throws Exception {
        RedisLocks a = node();
        RedisLocks b = node(LockSettings.defaults().withWaitTimeout(Duration.ofMillis(200)));
        HeldLock held = a.acquire("m");
        ExecutorService pool = Executors.newSingleThreadExecutor();

        Future<HeldLock> waiting = pool.submit(() -> b.acquire("m"));

        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(LockTimeoutException.class)
                .hasMessageContaining("lock m was held in Redis")
                .hasMessageContaining(held.fencingToken() + " " + a.nodeId());
        assertThat(b.metrics().timeouts()).isEqualTo(1);
        pool.shutdown();
        held.release();
    }

    @Test
    void theHoldingThreadMayTakeItsLockAgain() throws Exception {
        RedisLocks a = node();
        HeldLock outer = a.acquire("m");
        HeldLock inner = a.acquire("m");

        assertThat(inner.distributed()).isFalse();
        inner.release();
        assertThat(client.exists(a.key("m"))).isTrue();
        outer.release();
        assertThat(client.exists(a.key("m"))).isFalse();
    }

    @Test
    void withRedisDownLocksAreTakenInThisNodeOnlyAndInRedisAgainOnceItIsBack() throws Exception {
        RedisLocks a = node(new LockSettings(
                Duration.ofSeconds(15),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofMillis(50),
                2,
                Duration.ofMillis(100)));
        redis.kill();

        long start = System.nanoTime();
        HeldLock local = a.acquire("m");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(local.distributed()).isFalse();
        assertThat(tookMillis).as("no wait beyond the connect timeout").isLessThan(1_000);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicBoolean firstReleased = new AtomicBoolean();
        Future<Boolean> sameNode = pool.submit(() -> {
            HeldLock second = a.acquire("m");
            boolean after = firstReleased.get();
            second.release();
            return after;
        });
        firstReleased.set(true);
        local.release();
        assertThat(sameNode.get(5, TimeUnit.SECONDS))
                .as("threads of the node still exclude each other")
                .isTrue();
        for (int i = 0; i < 5; i++) {
            a.acquire("other-" + i).release(); // opens the breaker: no more attempts for a while
        }
        assertThat(a.metrics().failedOpen()).isGreaterThanOrEqualTo(7);

        redis.start();
        Await.until(Duration.ofSeconds(10), "locks are taken in Redis again", () -> distributedAgain(a));
        pool.shutdown();
    }

    private static boolean distributedAgain(RedisLocks node) {
        try {
            HeldLock l = node.acquire("m");
            l.release();
            return l.distributed();
        } catch (LockTimeoutException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
