package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A Sentinel failover under load: writers and readers keep going while the sentinels promote the replica. No call
 * throws, none waits beyond the store's bound, writes resume on the new master, and every write Redis confirmed is
 * there afterwards. The failover is the coordinated one an operator runs (writes paused on the old master until the
 * replica has them, then {@code SENTINEL FAILOVER}); with an uncoordinated one, Redis' asynchronous replication can
 * lose writes it acknowledged, whatever the client does.
 */
class SentinelFailoverTest {
    private static final CacheId CACHE = new CacheId("id", "g", "image/png", null);

    @Test
    void failoverUnderLoadLosesNothingConfirmedAndBlocksNobody() throws Exception {
        try (RedisSentinelProcesses set = RedisSentinelProcesses.start();
                RedisTileStore store = RedisTileStore.start(RedisTileStoreConfig.builder()
                        .topology(RedisTileStoreConfig.Topology.SENTINEL)
                        .sentinelMasterName(RedisSentinelProcesses.MASTER_NAME)
                        .nodes(set.sentinelAddresses())
                        .readTimeout(Duration.ofMillis(250))
                        .breakerOpenDuration(Duration.ofMillis(200))
                        .build())) {
            long bound = store.config().worstCaseRequestTime().toMillis() + 250;
            String oldMaster = set.currentMaster();
            ConcurrentLinkedQueue<TileLocation> confirmed = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicLong slowest = new AtomicLong();
            AtomicInteger confirmedAfterSwitch = new AtomicInteger();
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
                                TileLocation at = TileLocation.of(CACHE, 14, n, 0);
                                byte[] tile = ("t" + n).getBytes(StandardCharsets.UTF_8);
                                if (store.put("l", at, tile, null).kind() != PutOutcome.Kind.DROPPED) {
                                    confirmed.add(at);
                                    if (switched.get()) {
                                        confirmedAfterSwitch.incrementAndGet();
                                    }
                                }
                            } else {
                                TileLocation at = confirmed.peek();
                                if (at != null) {
                                    store.get(TileLocation.of(
                                            CACHE,
                                            14,
                                            ThreadLocalRandom.current().nextInt(1, next.get() + 1),
                                            0));
                                }
                            }
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                        slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), Math::max);
                    }
                    return null;
                }));
            }
            TimeUnit.SECONDS.sleep(1);
            RedisServerProcess master = set.server(oldMaster);
            try (Jedis m = new Jedis("127.0.0.1", master.port())) {
                m.clientPause(5000, redis.clients.jedis.args.ClientPauseMode.WRITE);
                long offset = Long.parseLong(m.info("replication")
                        .lines()
                        .filter(l -> l.startsWith("master_repl_offset:"))
                        .findFirst()
                        .orElseThrow()
                        .split(":")[1]
                        .trim());
                Await.until(
                        Duration.ofSeconds(5),
                        "the replica has every write",
                        () -> m.info("replication")
                                .lines()
                                .filter(l -> l.startsWith("slave0:"))
                                .anyMatch(l -> Long.parseLong(l.replaceAll(".*offset=(\\d+).*", "$1")) >= offset));
            }
            try (Jedis sentinel = new Jedis("127.0.0.1", set.sentinel(0).port())) {
                sentinel.sentinelFailover(RedisSentinelProcesses.MASTER_NAME);
            }
            Await.until(
                    Duration.ofSeconds(20),
                    "the sentinels announce the new master",
                    () -> !set.currentMaster().equals(oldMaster));
            switched.set(true);
            Await.until(
                    Duration.ofSeconds(20),
                    "writes are confirmed by the new master",
                    () -> confirmedAfterSwitch.get() > 100);
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
            assertThat(confirmed.size()).isGreaterThan(200);
        }
    }
}
