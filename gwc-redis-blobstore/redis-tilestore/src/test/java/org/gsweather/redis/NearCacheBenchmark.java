package org.gsweather.redis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.Jedis;

/**
 * The near cache on and off under a skewed read load: 20,000 tiles of 10 KB read with Zipf-distributed popularity (a
 * few tiles, like the low zoom levels and the cities of a web map, take most requests), at concurrency 1 and 16.
 * Prints, per near cache size, the hit ratio of the near cache, get p50/p99/throughput and the CPU per get of this
 * JVM and of redis-server. Then the price: how long after a put returned on one node another node, reading with 16
 * threads, still serves the old tile from its near cache (the pub/sub delivery). Run with {@code bin/redis-bench
 * --near-cache}; system properties: {@code bench.seconds}
 * (per step, default 5), {@code bench.zipf} (exponent, default 1.0), {@code bench.nearCacheSizes} (default {@code
 * 0,16MB,64MB,256MB}; 0 is off), {@code bench.concurrency} (default {@code 1,16}).
 */
public final class NearCacheBenchmark {
    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 5);
        double exponent = Double.parseDouble(System.getProperty("bench.zipf", "1.0"));
        List<Long> sizes = Arrays.stream(System.getProperty("bench.nearCacheSizes", "0,16MB,64MB,256MB")
                        .split(","))
                .map(s -> RedisTileStoreSettings.parseSize(s.trim()))
                .toList();
        int[] concurrencies = Arrays.stream(
                        System.getProperty("bench.concurrency", "1,16").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        ZipfTiles popularity = new ZipfTiles(TileStoreBenchmark.TILES, exponent);
        try (RedisServerProcess redis = RedisServerProcess.launch("--maxmemory", "0");
                Jedis stats = new Jedis("127.0.0.1", redis.port())) {
            System.out.printf(
                    Locale.ROOT,
                    "near cache benchmark: %d tiles of %d KB, Zipf exponent %.2f (the hottest 1%% of tiles take %.0f%%"
                            + " of reads, the hottest 10%% %.0f%%), %d s per step, %d cores%n",
                    TileStoreBenchmark.TILES,
                    TileStoreBenchmark.TILE_BYTES / 1024,
                    exponent,
                    100 * popularity.share(TileStoreBenchmark.TILES / 100),
                    100 * popularity.share(TileStoreBenchmark.TILES / 10),
                    seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "%-10s %5s %10s %10s %10s %12s %12s %12s%n",
                    "near cache", "conc", "hit ratio", "p50 ms", "p99 ms", "ops/s", "client us/op", "redis us/op");
            byte[] payload = new byte[TileStoreBenchmark.TILE_BYTES];
            new SplittableRandom(1).nextBytes(payload);
            for (long size : sizes) {
                try (RedisTileStore store = RedisTileStore.start(RedisTileStoreConfig.builder()
                        .nodes(List.of(redis.address()))
                        .keyPrefix("nc" + size)
                        .poolMaxTotal(128)
                        .nearCacheMaxBytes(size)
                        .build())) {
                    TileStoreBenchmark.RedisBackend backend = new TileStoreBenchmark.RedisBackend(store);
                    for (int i = 0; i < TileStoreBenchmark.TILES; i++) {
                        backend.put(i, payload);
                    }
                    for (int concurrency : concurrencies) {
                        LongAdder reads = new LongAdder();
                        TileStoreBenchmark.Op op = (random, ignored) -> {
                            reads.increment();
                            return backend.get(popularity.sample(random));
                        };
                        TileStoreBenchmark.run(concurrency, seconds, op);
                        reads.reset();
                        long nearHits0 = store.metrics().nearCacheHits();
                        TileStoreBenchmark.Result r = TileStoreBenchmark.run(concurrency, seconds, op, stats);
                        double hitRatio = (store.metrics().nearCacheHits() - nearHits0) / (double) reads.sum();
                        long n = r.latencies().getTotalCount();
                        System.out.printf(
                                Locale.ROOT,
                                "%-10s %5d %10.3f %10.3f %10.3f %12.0f %12.1f %12.1f%n",
                                size == 0 ? "off" : (size >> 20) + " MB",
                                concurrency,
                                hitRatio,
                                r.latencies().getValueAtPercentile(50) / 1e6,
                                r.latencies().getValueAtPercentile(99) / 1e6,
                                n / r.seconds(),
                                r.clientCpuSeconds() * 1e6 / n,
                                r.redis().cpuSeconds() * 1e6 / n);
                    }
                    store.clear();
                }
            }
            staleness(redis, popularity, 64L << 20, 500);
        }
    }

    /**
     * Node B reads with 16 threads; node A rewrites a hot tile that B holds in its near cache, and B is polled until
     * it serves the new bytes. Prints the distribution of that delay over {@code trials} rewrites.
     */
    static void staleness(RedisServerProcess redis, ZipfTiles popularity, long nearCacheBytes, int trials)
            throws Exception {
        RedisTileStoreConfig config = RedisTileStoreConfig.builder()
                .nodes(List.of(redis.address()))
                .keyPrefix("stale")
                .poolMaxTotal(128)
                .nearCacheMaxBytes(nearCacheBytes)
                .build();
        try (RedisTileStore a = RedisTileStore.start(config);
                RedisTileStore b = RedisTileStore.start(config)) {
            TileStoreBenchmark.RedisBackend nodeA = new TileStoreBenchmark.RedisBackend(a);
            TileStoreBenchmark.RedisBackend nodeB = new TileStoreBenchmark.RedisBackend(b);
            byte[] payload = new byte[TileStoreBenchmark.TILE_BYTES];
            for (int i = 0; i < TileStoreBenchmark.TILES; i++) {
                nodeA.put(i, payload);
            }
            Histogram delays = new Histogram(3);
            long staleReads = 0;
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(16);
            for (int t = 0; t < 16; t++) {
                int seed = t;
                readers.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    while (!done.get()) {
                        nodeB.get(popularity.sample(random));
                    }
                    return null;
                });
            }
            TileStoreBenchmark.run(1, 2, (random, ignored) -> nodeB.get(popularity.sample(random)));
            for (int trial = 1; trial <= trials; trial++) {
                int tile = trial % 100;
                TileLocation at = TileLocation.of(TileStoreBenchmark.RedisBackend.CACHE, 12, tile % 4096, tile / 4096);
                byte[] fresh = payload.clone();
                fresh[0] = (byte) trial;
                b.get(at);
                a.put("bench", at, fresh, null);
                long t0 = System.nanoTime();
                while (true) {
                    StoredTile seen = b.get(at);
                    if (seen != null && seen.buffer()[seen.offset()] == (byte) trial) {
                        break;
                    }
                    staleReads++;
                }
                delays.recordValue(System.nanoTime() - t0);
            }
            done.set(true);
            readers.shutdown();
            readers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            System.out.printf(
                    Locale.ROOT,
                    "staleness (near cache %d MB on both nodes, 16 readers on node B): after a put returned on node A,"
                            + " node B served the old tile for p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d rewrites,"
                            + " %d stale reads)%n",
                    nearCacheBytes >> 20,
                    delays.getValueAtPercentile(50) / 1e6,
                    delays.getValueAtPercentile(99) / 1e6,
                    delays.getMaxValue() / 1e6,
                    trials,
                    staleReads);
        }
    }

    /** Tile numbers drawn with Zipf popularity: tile k (from 0) is read in proportion to 1 / (k + 1)^exponent. */
    static final class ZipfTiles {
        private final double[] cumulative;

        ZipfTiles(int tiles, double exponent) {
            cumulative = new double[tiles];
            double sum = 0;
            for (int k = 0; k < tiles; k++) {
                sum += 1 / Math.pow(k + 1, exponent);
                cumulative[k] = sum;
            }
            for (int k = 0; k < tiles; k++) {
                cumulative[k] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }

        /** The share of reads that go to the {@code hottest} most popular tiles. */
        double share(int hottest) {
            return cumulative[hottest - 1];
        }
    }

    private NearCacheBenchmark() {}
}
