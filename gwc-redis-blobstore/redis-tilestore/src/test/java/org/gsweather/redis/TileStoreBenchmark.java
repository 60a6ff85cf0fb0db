package org.gsweather.redis;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import redis.clients.jedis.Jedis;

/**
 * Load driver: tile get/put latency (p50/p99) and throughput at concurrency 1, 16 and 64 with 10 KB tiles against a
 * local Redis it starts, then a bulk delete of N tiles while other clients read (their p50/p99 before and during).
 * Run with {@code bin/redis-bench}; system properties: {@code bench.seconds} (per step, default 5), {@code
 * bench.concurrency} (default {@code 1,16,64}), {@code bench.deleteTiles} (default 1000000; 0 skips the bulk delete),
 * {@code bench.deleteTileBytes} (default 1024), {@code bench.redisCpus} (pin redis-server to these CPUs with {@code
 * taskset}, e.g. {@code 1}), {@code gsweather.redis.server}.
 *
 * <p>Besides latency, each step reports what it cost: the CPU time of this JVM (load driver and client) and of
 * redis-server per operation, and Redis' {@code INFO commandstats} (calls per operation, microseconds per call).
 *
 * <p>Other stores plug in as a {@link BenchmarkedStore}: the side-by-side run with GWC's FileBlobStore implements
 * it over the GeoServer 2.26.2 jars in the gwc-redis module (profile geoserver), and calls {@link #measure}.
 */
public final class TileStoreBenchmark {
    /** What the benchmark drives: one tile slot per integer. */
    public interface BenchmarkedStore extends AutoCloseable {
        String name();

        void put(int tile, byte[] bytes);

        /** @return whether the tile was found */
        boolean get(int tile);
    }

    static final int TILE_BYTES = 10 * 1024;
    static final int TILES = 20_000;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 5);
        int deleteTiles = Integer.getInteger("bench.deleteTiles", 1_000_000);
        int deleteTileBytes = Integer.getInteger("bench.deleteTileBytes", 1024);
        String redisCpus = System.getProperty("bench.redisCpus", "");
        try (RedisServerProcess redis = RedisServerProcess.launch("--maxmemory", "0");
                RedisTileStore store = RedisTileStore.start(RedisTileStoreConfig.builder()
                        .nodes(List.of(redis.address()))
                        .poolMaxTotal(128)
                        .poolMinIdle(64)
                        .build())) {
            System.out.printf(
                    "redis-tilestore benchmark: %d KB tiles, %d s per step, %d cores, Redis at %s%n",
                    TILE_BYTES / 1024, seconds, Runtime.getRuntime().availableProcessors(), redis.address());
            if (!redisCpus.isBlank()) {
                redis.pinTo(redisCpus);
                System.out.printf("redis-server pinned to CPUs %s%n", redisCpus);
            }
            try (Jedis stats = new Jedis("127.0.0.1", redis.port())) {
                measure(new RedisBackend(store), seconds, stats);
            }
            TileStoreMetrics m = store.metrics();
            System.out.printf(
                    "redis: %d hits, %d misses, %d reads failed (timeout), %d short-circuited, %d writes dropped%n",
                    m.hits(), m.misses(), m.readFailures(), m.readsShortCircuited(), m.writesDropped());
            if (deleteTiles > 0) {
                bulkDelete(store, deleteTiles, deleteTileBytes);
            }
        }
    }

    /** Put then get, at each concurrency of {@code bench.concurrency} (default 1, 16, 64), one line per step. */
    public static void measure(BenchmarkedStore target, int seconds) throws Exception {
        measure(target, seconds, null);
    }

    /** As {@link #measure(BenchmarkedStore, int)}, with Redis' cost of each step read through {@code redisStats}. */
    public static void measure(BenchmarkedStore target, int seconds, Jedis redisStats) throws Exception {
        byte[] payload = new byte[TILE_BYTES];
        new SplittableRandom(1).nextBytes(payload);
        for (int i = 0; i < TILES; i++) {
            target.put(i, payload);
        }
        System.out.printf(
                "%-12s %-4s %5s %10s %10s %10s %12s %8s %14s%n",
                "store", "op", "conc", "p50 ms", "p99 ms", "max ms", "ops/s", "misses", "client cpu us");
        for (int concurrency : concurrencies()) {
            report(
                    target.name(),
                    "put",
                    concurrency,
                    run(
                            concurrency,
                            seconds,
                            (r, i) -> {
                                target.put(i, payload);
                                return true;
                            },
                            redisStats));
            report(target.name(), "get", concurrency, run(concurrency, seconds, (r, i) -> target.get(i), redisStats));
        }
    }

    static int[] concurrencies() {
        return Arrays.stream(System.getProperty("bench.concurrency", "1,16,64").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
    }

    /** One operation on a tile; {@code false} when a read found nothing (a miss, a failure, the breaker open). */
    interface Op {
        boolean run(SplittableRandom random, int tile) throws Exception;
    }

    /**
     * A measured step: latencies, its length, the operations that found nothing, the CPU seconds this JVM spent in it
     * (load driver and client), and Redis' cost ({@code null} when not measured).
     */
    record Result(Histogram latencies, double seconds, long misses, double clientCpuSeconds, RedisServerStats redis) {}

    static Result run(int concurrency, int seconds, Op op) throws Exception {
        return run(concurrency, seconds, op, null);
    }

    static Result run(int concurrency, int seconds, Op op, Jedis redisStats) throws Exception {
        Recorder recorder = new Recorder(3);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        LongAdder misses = new LongAdder();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                start.await();
                while (!stop.get()) {
                    int tile = random.nextInt(TILES);
                    long t0 = System.nanoTime();
                    boolean found = op.run(random, tile);
                    recorder.recordValue(System.nanoTime() - t0);
                    if (!found) {
                        misses.increment();
                    }
                }
                return null;
            }));
        }
        // warm-up second, then measure
        start.countDown();
        TimeUnit.SECONDS.sleep(1);
        RedisServerStats redisBefore = redisStats == null ? null : RedisServerStats.read(redisStats);
        recorder.getIntervalHistogram();
        long misses0 = misses.sum();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        Histogram h = recorder.getIntervalHistogram();
        long missed = misses.sum() - misses0;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        RedisServerStats redisCost =
                redisStats == null ? null : RedisServerStats.read(redisStats).since(redisBefore);
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new Result(h, elapsed, missed, cpu, redisCost);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void report(String store, String op, int concurrency, Result r) {
        Histogram h = r.latencies();
        System.out.printf(
                Locale.ROOT,
                "%-12s %-4s %5d %10.3f %10.3f %10.3f %12.0f %8d %14.1f%n",
                store,
                op,
                concurrency,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6,
                h.getTotalCount() / r.seconds(),
                r.misses(),
                r.clientCpuSeconds() * 1e6 / h.getTotalCount());
        if (r.redis() != null) {
            System.out.printf(
                    "%-12s %-4s %5d   %s%n", "", "", concurrency, r.redis().describe(h.getTotalCount()));
        }
    }

    /** Loads {@code count} tiles of one layer, then deletes the layer while 4 clients read another layer. */
    public static void bulkDelete(RedisTileStore store, int count, int tileBytes) throws Exception {
        CacheId doomed = new CacheId("doomed", "EPSG:900913", "image/png", null);
        CacheId kept = new CacheId("kept", "EPSG:900913", "image/png", null);
        byte[] payload = new byte[tileBytes];
        new SplittableRandom(2).nextBytes(payload);
        byte[] tile10k = new byte[TILE_BYTES];
        for (int i = 0; i < TILES; i++) {
            store.put("kept", TileLocation.of(kept, 15, i, 0), tile10k, null);
        }
        long t0 = System.nanoTime();
        ExecutorService loaders = Executors.newFixedThreadPool(8);
        List<Future<?>> loads = new ArrayList<>();
        int perThread = count / 8;
        for (int t = 0; t < 8; t++) {
            int thread = t;
            loads.add(loaders.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    int n = thread * perThread + i;
                    store.put("doomed", TileLocation.of(doomed, 18, n % 4096, n / 4096), payload, null);
                }
            }));
        }
        for (Future<?> f : loads) {
            f.get();
        }
        loaders.shutdown();
        System.out.printf(
                "loaded %d tiles of %d bytes in %.1f s%n", perThread * 8, tileBytes, (System.nanoTime() - t0) / 1e9);

        Recorder recorder = new Recorder(3);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> reads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            reads.add(readers.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                while (!stop.get()) {
                    long s = System.nanoTime();
                    store.get(TileLocation.of(kept, 15, random.nextInt(TILES), 0));
                    recorder.recordValue(System.nanoTime() - s);
                }
                return null;
            }));
        }
        TimeUnit.SECONDS.sleep(1);
        recorder.getIntervalHistogram();
        TimeUnit.SECONDS.sleep(5);
        Histogram before = recorder.getIntervalHistogram();
        long d0 = System.nanoTime();
        store.deleteLayer("doomed");
        double logical = (System.nanoTime() - d0) / 1e6;
        boolean finished = store.awaitDeletions(Duration.ofMinutes(30));
        double physical = (System.nanoTime() - d0) / 1e9;
        long missesDuring = store.metrics().misses();
        Histogram during = recorder.getIntervalHistogram();
        stop.set(true);
        for (Future<?> f : reads) {
            f.get();
        }
        readers.shutdown();
        System.out.printf(
                Locale.ROOT,
                "bulk delete of %d tiles: logical %.1f ms, physical %.1f s (%s), %d tiles deleted by the deleter%n",
                perThread * 8,
                logical,
                physical,
                finished ? "done" : "NOT finished",
                store.metrics().bulkTilesDeleted());
        System.out.printf(
                "writes dropped while loading: %d; reader misses (timeouts or failures): %d%n",
                store.metrics().writesDropped(), missesDuring);
        System.out.printf(
                Locale.ROOT,
                "readers (4 threads, 10 KB tiles of another layer): before p50 %.3f ms p99 %.3f ms max %.3f ms"
                        + " %.0f ops/s | during p50 %.3f ms p99 %.3f ms max %.3f ms %.0f ops/s%n",
                before.getValueAtPercentile(50) / 1e6,
                before.getValueAtPercentile(99) / 1e6,
                before.getMaxValue() / 1e6,
                before.getTotalCount() / 5.0,
                during.getValueAtPercentile(50) / 1e6,
                during.getValueAtPercentile(99) / 1e6,
                during.getMaxValue() / 1e6,
                during.getTotalCount() / physical);
    }

    /** The Redis tile store as a benchmark target: tile n is (z=12, x=n mod 4096, y=n / 4096). */
    public record RedisBackend(RedisTileStore store) implements BenchmarkedStore {
        static final CacheId CACHE = new CacheId("bench", "EPSG:900913", "image/png", null);

        @Override
        public String name() {
            return "redis";
        }

        @Override
        public void put(int tile, byte[] bytes) {
            store.put("bench", TileLocation.of(CACHE, 12, tile % 4096, tile / 4096), bytes, null);
        }

        @Override
        public boolean get(int tile) {
            return store.get(TileLocation.of(CACHE, 12, tile % 4096, tile / 4096)) != null;
        }

        @Override
        public void close() {}
    }

    private TileStoreBenchmark() {}
}
