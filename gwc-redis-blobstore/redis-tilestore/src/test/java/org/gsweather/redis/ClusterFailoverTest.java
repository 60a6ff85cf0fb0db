package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A primary of a Redis Cluster (3 primaries, 1 replica each) fails over while writers and readers keep going: no
 * call throws, none waits beyond the store's bound, writes resume on the promoted replica, and every write Redis
 * confirmed is there afterwards. Confirmed means replicated: the failover is coordinated ({@code CLUSTER FAILOVER}),
 * or the primary is killed only after writes were paused on it and its replica had every one of them. (When a
 * primary dies with writes its replica has not received, Redis' asynchronous replication loses them whatever the
 * client does.) Each test runs its own cluster.
 *
 * <p>Each primary has its own circuit breaker: while the failing primary is kept away from, reads of tiles on the two
 * healthy primaries keep hitting, as long as Redis serves them: with {@code cluster-require-full-coverage yes} (Redis'
 * default) every node answers {@code CLUSTERDOWN} from the moment the dead primary is flagged failed until its replica
 * is promoted, so there every read misses for that time whatever the client does.
 */
class ClusterFailoverTest {
    private static final CacheId CACHE = new CacheId("id", "g", "image/png", null);

    private RedisClusterProcesses cluster;
    /** Set once the failing primary is dead (killed), not merely paused. */
    private final AtomicBoolean primaryDead = new AtomicBoolean();

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void coordinatedFailoverUnderLoadLosesNothingConfirmedAndBlocksNobody() throws Exception {
        cluster = RedisClusterProcesses.start(1, 1000);
        FailoverRun run = runFailover(primary -> {
            try (Jedis replica = new Jedis(
                    "127.0.0.1", cluster.node(cluster.replicaOf(primary)).port())) {
                replica.clusterFailover();
            }
        });
        run.assertHealthyPrimariesKeptServing(10);
    }

    @Test
    void killedPrimaryUnderLoadLosesNothingReplicatedAndBlocksNobody() throws Exception {
        cluster = RedisClusterProcesses.start(1, 1000);
        runFailover(this::pauseWritesUntilReplicatedThenKill);
    }

    /**
     * With {@code cluster-require-full-coverage no} the healthy primaries keep serving their slots while a dead one is
     * not replaced yet; the breaker of the dead one must not keep the store away from them.
     */
    @Test
    void killedPrimaryLeavesTheHealthyPrimariesServing() throws Exception {
        cluster = RedisClusterProcesses.start(1, 1000, "--cluster-require-full-coverage", "no");
        FailoverRun run = runFailover(this::pauseWritesUntilReplicatedThenKill);
        run.assertHealthyPrimariesKeptServing(100);
        assertThat(run.failing.hitsWhileDead.sum())
                .as("tiles of a dead primary are misses")
                .isZero();
        assertThat(run.failing.readsWhileDead.sum()).isPositive();
    }

    private void pauseWritesUntilReplicatedThenKill(String primary) throws IOException {
        RedisServerProcess node = cluster.node(primary);
        try (Jedis p = new Jedis("127.0.0.1", node.port())) {
            p.clientPause(10_000, ClientPauseMode.WRITE);
            long offset = replicationOffset(p);
            Await.until(
                    Duration.ofSeconds(10),
                    "the replica has every write",
                    () -> p.info("replication")
                            .lines()
                            .filter(l -> l.startsWith("slave0:"))
                            .anyMatch(l -> Long.parseLong(l.replaceAll(".*offset=(\\d+).*", "$1")) >= offset));
        }
        node.kill();
        primaryDead.set(true);
    }

    interface Failover {
        void of(String primary) throws IOException;
    }

    /**
     * Reads of one kind of tile (on the failing primary, or on a healthy one) from the start of the failover until
     * the replica serves the slots. Besides the count, each read is given the time since the previous read of its
     * thread ended, so that the instant misses of an open breaker do not outnumber the real reads.
     */
    private static final class Reads {
        final LongAdder reads = new LongAdder();
        final LongAdder hits = new LongAdder();
        final LongAdder readsWhileDead = new LongAdder();
        final LongAdder hitsWhileDead = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder hitNanos = new LongAdder();
        final AtomicLong slowestMillis = new AtomicLong();

        void record(boolean hit, boolean dead, long tookNanos, long sincePreviousNanos) {
            reads.increment();
            nanos.add(sincePreviousNanos);
            if (hit) {
                hits.increment();
                hitNanos.add(sincePreviousNanos);
            }
            if (dead) {
                readsWhileDead.increment();
                if (hit) {
                    hitsWhileDead.increment();
                }
            }
            slowestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(tookNanos), Math::max);
        }

        double hitRatio() {
            return reads.sum() == 0 ? 0 : (double) hits.sum() / reads.sum();
        }

        double hitTimeShare() {
            return nanos.sum() == 0 ? 0 : (double) hitNanos.sum() / nanos.sum();
        }

        @Override
        public String toString() {
            return String.format(
                    "%d reads, %.4f hit (%.4f of the time), %d while dead (%d hits), slowest %d ms",
                    reads.sum(),
                    hitRatio(),
                    hitTimeShare(),
                    readsWhileDead.sum(),
                    hitsWhileDead.sum(),
                    slowestMillis.get());
        }
    }

    /** What a failover did to the store, from its start until the replica served the slots (the window). */
    private record FailoverRun(
            String primary,
            long bound,
            long windowMillis,
            long clusterDownMillis,
            Reads healthy,
            Reads failing,
            long failedReads,
            long shortCircuitedReads,
            long droppedWrites,
            long openings,
            int mostBreakersOpen,
            long allHitAgainMillis,
            long slowestMillis) {

        /**
         * {@code minReads}: how many reads of healthy primaries the window must have seen for the share to mean
         * something (a coordinated failover lasts some 50 ms: a few dozen reads on a busy machine). The share is of
         * the readers' time, not of the reads: once on a loaded 2-core machine a breaker opened for a moment during a
         * coordinated failover (5 failed reads, then 10 short-circuited, in a 16 ms window: 0.83 of the reads but
         * 0.96 of the time), and the instant misses of an open breaker would otherwise count as much as the reads
         * that took the time.
         */
        void assertHealthyPrimariesKeptServing(int minReads) {
            assertThat(healthy.reads.sum()).isGreaterThanOrEqualTo(minReads);
            assertThat(healthy.hitTimeShare())
                    .as("share of the time reads of tiles on the healthy primaries hit while " + primary
                            + " failed over: " + this)
                    .isGreaterThanOrEqualTo(0.95);
            assertThat(mostBreakersOpen)
                    .as("only the failing primary's breaker opens")
                    .isLessThanOrEqualTo(1);
        }
    }

    private FailoverRun runFailover(Failover failover) throws Exception {
        try (RedisTileStore store = RedisTileStore.start(RedisTileStoreConfig.builder()
                .topology(RedisTileStoreConfig.Topology.CLUSTER)
                .nodes(cluster.addresses().subList(0, 3))
                .readTimeout(Duration.ofMillis(250))
                .breakerOpenDuration(Duration.ofMillis(200))
                .build())) {
            long bound = store.config().worstCaseRequestTime().toMillis() + 250;
            TileLocation probe = TileLocation.of(CACHE, 14, 0, 0);
            int slot = JedisClusterCRC16.getSlot(store.keys().tile(probe));
            String primary = cluster.primaryOf(slot);
            assertThat(store.metrics().breakerStates())
                    .as("one breaker per primary, read from the client's slot cache")
                    .containsOnlyKeys(cluster.addresses().subList(0, 3));

            // tiles written before the failover, on every primary: what the readers read
            List<TileLocation> onFailing = new ArrayList<>();
            List<TileLocation> onHealthy = new ArrayList<>();
            Map<Integer, String> primaryOfSlot = new HashMap<>();
            for (int c = 0; c < 4; c++) {
                CacheId cache = new CacheId("r" + c, "g", "image/png", null);
                for (int i = 0; i < 8; i++) {
                    for (int j = 0; j < 8; j++) {
                        TileLocation at = TileLocation.of(cache, 10, 16 * i, 16 * j);
                        assertThat(store.put("r", at, ("r" + c + i + j).getBytes(StandardCharsets.UTF_8), null)
                                        .kind())
                                .isNotEqualTo(PutOutcome.Kind.DROPPED);
                        int tileSlot = JedisClusterCRC16.getSlot(store.keys().tile(at));
                        String owner = primaryOfSlot.computeIfAbsent(tileSlot, cluster::primaryOf);
                        (owner.equals(primary) ? onFailing : onHealthy).add(at);
                    }
                }
            }
            Set<String> healthyPrimaries = new HashSet<>(primaryOfSlot.values());
            healthyPrimaries.remove(primary);
            assertThat(onFailing).isNotEmpty();
            assertThat(healthyPrimaries).hasSize(2);
            List<TileLocation> preloaded = new ArrayList<>(onFailing);
            preloaded.addAll(onHealthy);

            ConcurrentLinkedQueue<TileLocation> confirmed = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicLong slowest = new AtomicLong();
            AtomicInteger confirmedOnSlotAfterSwitch = new AtomicInteger();
            AtomicBoolean inWindow = new AtomicBoolean();
            Reads failingReads = new Reads();
            Reads healthyReads = new Reads();
            AtomicBoolean switched = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(6);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                boolean writer = t < 4;
                futures.add(load.submit(() -> {
                    long previousEnd = System.nanoTime();
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        try {
                            if (writer) {
                                int n = next.incrementAndGet();
                                TileLocation at = TileLocation.of(CACHE, 14, n, n % 7);
                                byte[] tile = ("t" + n).getBytes(StandardCharsets.UTF_8);
                                if (store.put("l", at, tile, null).kind() != PutOutcome.Kind.DROPPED) {
                                    confirmed.add(at);
                                    if (switched.get()
                                            && JedisClusterCRC16.getSlot(
                                                            store.keys().tile(at))
                                                    == slot) {
                                        confirmedOnSlotAfterSwitch.incrementAndGet();
                                    }
                                }
                            } else {
                                int i = ThreadLocalRandom.current().nextInt(preloaded.size());
                                boolean window = inWindow.get();
                                boolean dead = primaryDead.get();
                                boolean hit = store.get(preloaded.get(i)) != null;
                                long end = System.nanoTime();
                                if (window) {
                                    (i < onFailing.size() ? failingReads : healthyReads)
                                            .record(hit, dead, end - t0, end - previousEnd);
                                }
                                previousEnd = end;
                            }
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                        slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), Math::max);
                    }
                    return null;
                }));
            }
            Await.until(Duration.ofSeconds(20), "writes are confirmed", () -> confirmed.size() > 300);

            long failedBefore = store.metrics().readFailures();
            long shortCircuitedBefore = store.metrics().readsShortCircuited();
            long droppedBefore = store.metrics().writesDropped();
            long openingsBefore = store.metrics().breakerOpenings();
            AtomicInteger mostBreakersOpen = new AtomicInteger();
            AtomicLong clusterDownFrom = new AtomicLong();
            AtomicLong clusterDownUntil = new AtomicLong();
            long windowStart = System.nanoTime();
            inWindow.set(true);
            failover.of(primary);
            try (Jedis healthy = new Jedis(
                    "127.0.0.1",
                    cluster.node(healthyPrimaries.iterator().next()).port())) {
                Await.until(Duration.ofSeconds(30), "the replica of " + primary + " serves the slot", () -> {
                    mostBreakersOpen.accumulateAndGet(store.metrics().breakersOpen(), Math::max);
                    if (healthy.clusterInfo().contains("cluster_state:fail")) {
                        clusterDownFrom.compareAndSet(0, System.nanoTime());
                        clusterDownUntil.set(System.nanoTime());
                    }
                    return !cluster.primaryOf(slot).equals(primary);
                });
            }
            inWindow.set(false);
            long windowMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - windowStart);
            switched.set(true);
            long failed = store.metrics().readFailures() - failedBefore;
            long shortCircuited = store.metrics().readsShortCircuited() - shortCircuitedBefore;
            long dropped = store.metrics().writesDropped() - droppedBefore;
            long openings = store.metrics().breakerOpenings() - openingsBefore;

            long switchedAt = System.nanoTime();
            Await.until(
                    Duration.ofSeconds(10),
                    "every tile written before the failover hits again",
                    () -> preloaded.stream().allMatch(at -> store.get(at) != null));
            long allHitAgainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - switchedAt);
            Await.until(
                    Duration.ofSeconds(30),
                    "writes to the failed-over slot are confirmed by the new primary",
                    () -> confirmedOnSlotAfterSwitch.get() > 20);
            stop.set(true);
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            load.shutdown();

            FailoverRun run = new FailoverRun(
                    primary,
                    bound,
                    windowMillis,
                    clusterDownFrom.get() == 0
                            ? 0
                            : TimeUnit.NANOSECONDS.toMillis(clusterDownUntil.get() - clusterDownFrom.get()),
                    healthyReads,
                    failingReads,
                    failed,
                    shortCircuited,
                    dropped,
                    openings,
                    mostBreakersOpen.get(),
                    allHitAgainMillis,
                    slowest.get());
            System.out.println("Cluster failover: " + run);

            assertThat(errors).isEmpty();
            assertThat(slowest.get()).isLessThan(bound);
            assertThat(healthyReads.slowestMillis.get()).isLessThan(bound);
            assertThat(failingReads.slowestMillis.get()).isLessThan(bound);
            assertThat(store.metrics().breakerStates())
                    .as("the promoted replica owns the slots of " + primary)
                    .doesNotContainKey(primary)
                    .containsKeys(healthyPrimaries.toArray(String[]::new))
                    .hasSize(3);
            List<TileLocation> lost =
                    confirmed.stream().filter(at -> store.get(at) == null).toList();
            assertThat(lost).as("confirmed writes missing after the failover").isEmpty();
            return run;
        }
    }

    private static long replicationOffset(Jedis primary) {
        return Long.parseLong(primary.info("replication")
                .lines()
                .filter(l -> l.startsWith("master_repl_offset:"))
                .findFirst()
                .orElseThrow()
                .split(":")[1]
                .trim());
    }
}
