package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A store started while none of its Redis nodes answers (GeoServer booting before its Redis Cluster or Sentinel
 * set) starts, answers misses and drops writes within the timeout, refuses bulk operations, and works by itself
 * once the nodes come up: cluster and Sentinel clients must reach a node to be built, so they are built then.
 */
class StartWithoutRedisTest {
    private static final CacheId CACHE = new CacheId("id", "g", "image/png", null);
    private static final TileLocation TILE = TileLocation.of(CACHE, 3, 1, 2);

    private static RedisTileStoreConfig.Builder timeouts(RedisTileStoreConfig.Builder b) {
        return b.readTimeout(Duration.ofMillis(300))
                .connectTimeout(Duration.ofMillis(150))
                .poolBorrowTimeout(Duration.ofMillis(100))
                .breakerFailureThreshold(3)
                .breakerOpenDuration(Duration.ofMillis(200));
    }

    @Test
    void clusterStoreStartsBeforeItsClusterAndConnectsWhenItComesUp() throws IOException {
        try (RedisClusterProcesses cluster = RedisClusterProcesses.start()) {
            cluster.nodes().forEach(RedisServerProcess::kill);
            RedisTileStoreConfig config = timeouts(RedisTileStoreConfig.builder()
                            .topology(RedisTileStoreConfig.Topology.CLUSTER)
                            .nodes(cluster.addresses()))
                    .build();
            Set<Thread> before;
            try (RedisTileStore store = RedisTileStore.start(config)) {
                answersAsDown(store);
                for (RedisServerProcess node : cluster.nodes()) {
                    node.start();
                }
                before = Thread.getAllStackTraces().keySet();
                worksOnceUp(store);
            }
            noThreadLeftSince(before, "the client built once the cluster answered (its topology refresh included)");
        }
    }

    @Test
    void sentinelStoreStartsBeforeItsSentinelsAndConnectsWhenTheyComeUp() throws IOException {
        try (RedisSentinelProcesses set = RedisSentinelProcesses.start()) {
            for (int i = 0; i < 3; i++) {
                set.sentinel(i).kill();
            }
            RedisTileStoreConfig config = timeouts(RedisTileStoreConfig.builder()
                            .topology(RedisTileStoreConfig.Topology.SENTINEL)
                            .sentinelMasterName(RedisSentinelProcesses.MASTER_NAME)
                            .nodes(set.sentinelAddresses()))
                    .build();
            try (RedisTileStore store = RedisTileStore.start(config)) {
                answersAsDown(store);
                for (int i = 0; i < 3; i++) {
                    set.sentinel(i).start();
                }
                worksOnceUp(store);
            }
        }
    }

    @Test
    void aClusterThatNeverAnswersLeavesNoThreadBehind() throws IOException {
        retriesLeaveNoThreadBehind(RedisTileStoreConfig.builder().topology(RedisTileStoreConfig.Topology.CLUSTER));
    }

    @Test
    void sentinelsThatNeverAnswerLeaveNoThreadBehind() throws IOException {
        retriesLeaveNoThreadBehind(RedisTileStoreConfig.builder()
                .topology(RedisTileStoreConfig.Topology.SENTINEL)
                .sentinelMasterName(RedisSentinelProcesses.MASTER_NAME));
    }

    /**
     * Nodes on free ports (nothing listens): the store retries building its client while tiles are asked for, and
     * once closed no thread it started (connection attempts, their Jedis helpers, the bulk delete worker, the near
     * cache subscriber) is still alive.
     */
    private static void retriesLeaveNoThreadBehind(RedisTileStoreConfig.Builder builder) throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RedisTileStoreConfig config = timeouts(builder.nodes(List.of(freeAddress(), freeAddress(), freeAddress())))
                .breakerOpenDuration(Duration.ofMillis(50))
                .nearCacheMaxBytes(1 << 20)
                .build();
        try (RedisTileStore store = RedisTileStore.start(config)) {
            long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            Await.until(Duration.ofSeconds(10), "a second of tile reads (about 20 connection attempts)", () -> {
                assertThat(store.get(TILE)).isNull();
                return System.nanoTime() > end;
            });
        }
        noThreadLeftSince(before, "the closed store");
    }

    private static void noThreadLeftSince(Set<Thread> before, String by) {
        try {
            Await.until(
                    Duration.ofSeconds(5),
                    "every thread of " + by + " ended",
                    () -> threadsSince(before).isEmpty());
        } catch (AssertionError e) {
            assertThat(threadsSince(before)).as("threads left by " + by).isEmpty();
        }
    }

    private static List<String> threadsSince(Set<Thread> before) {
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !before.contains(t)) {
                left.add(t.getName());
            }
        }
        return left;
    }

    private static String freeAddress() throws IOException {
        return "127.0.0.1:" + RedisServerProcess.freePort();
    }

    private static void answersAsDown(RedisTileStore store) {
        long bound = store.config().worstCaseRequestTime().toMillis() + 250;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            assertThat(store.get(TILE)).isNull();
            assertThat(store.put("l", TILE, bytes("t" + i), null).kind()).isEqualTo(PutOutcome.Kind.DROPPED);
            assertThat(Duration.ofNanos(System.nanoTime() - t0).toMillis()).isLessThan(bound);
        }
        assertThatThrownBy(() -> store.layerExists("l"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("has answered yet");
    }

    private static void worksOnceUp(RedisTileStore store) {
        Await.until(
                Duration.ofSeconds(20),
                "a tile stored once the nodes answer",
                () -> store.put("l", TILE, bytes("up"), null).kind() != PutOutcome.Kind.DROPPED);
        Await.until(Duration.ofSeconds(5), "the tile read back", () -> store.get(TILE) != null);
        assertThat(new String(store.get(TILE).bytes(), StandardCharsets.UTF_8)).isEqualTo("up");
        assertThat(store.layerExists("l")).isTrue();
        assertThat(store.metrics().writesDropped()).isGreaterThanOrEqualTo(20);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
