package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 */
class ClusterFailoverTest {
    private static final CacheId CACHE = new CacheId("id", "g", "image/png", null);

    private RedisClusterProcesses cluster;

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void coordinatedFailoverUnderLoadLosesNothingConfirmedAndBlocksNobody() throws Exception {
        cluster = RedisClusterProcesses.start(1, 1000);
        runFailover(primary -> {
            try (Jedis replica = new Jedis(
                    "127.0.0.1", cluster.node(cluster.replicaOf(primary)).port())) {
                replica.clusterFailover();
            }
        });
    }

    @Test
    void killedPrimaryUnderLoadLosesNothingReplicatedAndBlocksNobody() throws Exception {
        cluster = RedisClusterProcesses.start(1, 1000);
        runFailover(primary -> {
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
        });
    }

    interface Failover {
        void of(String primary) throws IOException;
    }

    private void runFailover(Failover failover) throws Exception {
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
            ConcurrentLinkedQueue<TileLocation> confirmed = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicLong slowest = new AtomicLong();
            AtomicInteger confirmedOnSlotAfterSwitch = new AtomicInteger();
            AtomicBoolean switched = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(6);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                boolean writer = t < 4;
                futures.add(load.submit(() -> {
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
                                int n = ThreadLocalRandom.current().nextInt(1, next.get() + 1);
                                store.get(TileLocation.of(CACHE, 14, n, n % 7));
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

            failover.of(primary);
            Await.until(
                    Duration.ofSeconds(30),
                    "the replica of " + primary + " serves the slot",
                    () -> !cluster.primaryOf(slot).equals(primary));
            switched.set(true);
            Await.until(
                    Duration.ofSeconds(30),
                    "writes to the failed-over slot are confirmed by the new primary",
                    () -> confirmedOnSlotAfterSwitch.get() > 20);
            stop.set(true);
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            load.shutdown();

            assertThat(errors).isEmpty();
            assertThat(slowest.get()).isLessThan(bound);
            List<TileLocation> lost =
                    confirmed.stream().filter(at -> store.get(at) == null).toList();
            assertThat(lost).as("confirmed writes missing after the failover").isEmpty();
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
