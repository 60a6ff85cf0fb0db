package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Which breaker guards a tile key: in a cluster the breaker of the primary owning the key's slot (read from a slot
 * table standing in for Jedis' slot cache), so failures on one primary open only its breaker; standalone and Sentinel
 * have one breaker for every key.
 */
class NodeBreakersTest {
    private static final HostAndPort A = new HostAndPort("10.0.0.1", 7000);
    private static final HostAndPort B = new HostAndPort("10.0.0.2", 7000);
    private static final HostAndPort C = new HostAndPort("10.0.0.3", 7000);

    /** Slots 0..8191 on A, the rest on B, until a test moves them. */
    private final AtomicReference<HostAndPort[]> slots = new AtomicReference<>(table(A, B));

    private final NodeBreakers breakers =
            NodeBreakers.perClusterNode(slot -> slots.get()[slot], 3, Duration.ofSeconds(10));

    private final byte[] keyOnA = keyWhere(slot -> slot < 8192);
    private final byte[] keyOnB = keyWhere(slot -> slot >= 8192);

    @Test
    void failuresOfAKeyOnOnePrimaryOpenOnlyThatPrimarysBreaker() {
        assertThat(breakers.breakerFor(keyOnA)).isNotSameAs(breakers.breakerFor(keyOnB));
        assertThat(breakers.breakerFor(keyOnA)).isSameAs(breakers.breakerFor(keyWhere(slot -> slot < 100)));

        fail(keyOnA, 3);

        assertThat(breakers.breakerFor(keyOnA).allowRequest()).isFalse();
        assertThat(breakers.breakerFor(keyOnB).allowRequest()).isTrue();
        assertThat(breakers.states())
                .containsExactly(
                        Map.entry("10.0.0.1:7000", CircuitBreaker.State.OPEN),
                        Map.entry("10.0.0.2:7000", CircuitBreaker.State.CLOSED));
        assertThat(breakers.openCount()).isEqualTo(1);
        assertThat(breakers.worstState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakers.timesOpened()).isEqualTo(1);
    }

    @Test
    void slotsMovedToAPromotedReplicaAreServedAtOnceByItsClosedBreaker() {
        fail(keyOnA, 3);
        assertThat(breakers.breakerFor(keyOnA).allowRequest()).isFalse();

        slots.set(table(C, B)); // A failed, its replica C owns its slots now

        assertThat(breakers.breakerFor(keyOnA).allowRequest()).isTrue();
        assertThat(breakers.states())
                .containsExactly(
                        Map.entry("10.0.0.3:7000", CircuitBreaker.State.CLOSED),
                        Map.entry("10.0.0.2:7000", CircuitBreaker.State.CLOSED));
        assertThat(breakers.openCount())
                .as("A owns no slot: nothing is kept away")
                .isZero();
        assertThat(breakers.worstState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breakers.timesOpened()).as("openings stay counted").isEqualTo(1);
    }

    @Test
    void slotsTheCacheDoesNotKnowShareOneBreaker() {
        HostAndPort[] table = table(A, B);
        for (int s = 0; s < 8192; s++) {
            table[s] = null;
        }
        slots.set(table);

        fail(keyOnA, 3);

        assertThat(breakers.breakerFor(keyWhere(slot -> slot < 100)).allowRequest())
                .isFalse();
        assertThat(breakers.breakerFor(keyOnB).allowRequest()).isTrue();
        assertThat(breakers.states()).containsEntry("unknown-node:0", CircuitBreaker.State.OPEN);
    }

    @Test
    void standaloneAndSentinelHaveOneBreakerForEveryKey() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));
        NodeBreakers single = NodeBreakers.single("localhost:6379", breaker);

        assertThat(single.breakerFor(keyOnA)).isSameAs(breaker);
        assertThat(single.breakerFor(keyOnB)).isSameAs(breaker);
        for (int i = 0; i < 3; i++) {
            single.breakerFor(keyOnA).onFailure();
        }
        assertThat(single.breakerFor(keyOnB).allowRequest()).isFalse();
        assertThat(single.states()).containsExactly(Map.entry("localhost:6379", CircuitBreaker.State.OPEN));
        assertThat(single.openCount()).isEqualTo(1);
        assertThat(single.timesOpened()).isEqualTo(1);
    }

    @Test
    void metricsExportOpenNodeBreakersAndOpeningsSummedOverNodes() {
        TileStoreMetrics metrics = new TileStoreMetrics(breakers);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);

        fail(keyOnA, 3);
        fail(keyOnB, 3);
        assertThat(registry.get("gsweather.redis.breaker.open").gauge().value()).isEqualTo(2);

        slots.set(table(C, B));
        fail(keyOnA, 3); // C's breaker opens too

        assertThat(registry.get("gsweather.redis.breaker.open").gauge().value())
                .as("open breakers of the primaries that own slots: B and C")
                .isEqualTo(2);
        assertThat(registry.get("gsweather.redis.breaker.openings")
                        .functionCounter()
                        .count())
                .as("A, B and C each opened once")
                .isEqualTo(3);
        assertThat(metrics.breakerOpenings()).isEqualTo(3);
        assertThat(metrics.breakersOpen()).isEqualTo(2);
        assertThat(metrics.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private void fail(byte[] key, int times) {
        for (int i = 0; i < times; i++) {
            CircuitBreaker breaker = breakers.breakerFor(key);
            if (breaker.allowRequest()) {
                breaker.onFailure();
            }
        }
    }

    private static HostAndPort[] table(HostAndPort low, HostAndPort high) {
        HostAndPort[] table = new HostAndPort[16384];
        for (int s = 0; s < table.length; s++) {
            table[s] = s < 8192 ? low : high;
        }
        return table;
    }

    /** A tile-like key (with a hash tag) whose slot satisfies {@code where}. */
    private static byte[] keyWhere(IntPredicate where) {
        for (int i = 0; ; i++) {
            byte[] key = ("gwc:t:{id:g:image%2Fpng:-:" + i + "}:3:5:6").getBytes(StandardCharsets.UTF_8);
            if (where.test(JedisClusterCRC16.getSlot(key))) {
                return key;
            }
        }
    }
}
