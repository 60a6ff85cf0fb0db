package org.gsweather.gwc;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gsweather.redis.CircuitBreaker;
import org.gsweather.redis.TileStoreMetrics;

/**
 * The counters of the node's Redis blob stores, summed over the stores GWC runs (usually one), for a Micrometer
 * registry: the weather plugin's Prometheus endpoint binds every {@link MeterBinder} bean of GeoServer. Counts start
 * at the moment of binding, so a registry made afresh (a reset of the server's metrics) starts from zero; a store that
 * GWC replaces (its settings were edited) starts again from its own zero.
 */
public class RedisBlobStoreMeters implements MeterBinder {
    private static final Logger LOG = Logger.getLogger(RedisBlobStoreMeters.class.getName());

    @Override
    public void bindTo(MeterRegistry registry) {
        Map<TileStoreMetrics, long[]> base = new WeakHashMap<>();
        for (RedisBlobStore s : LiveRedisBlobStores.all()) {
            base.put(s.tileStore().metrics(), snapshot(s.tileStore().metrics()));
        }
        counter(registry, base, "gsweather.redis.tile.reads", "result", "hit", 0, "Tile reads found in Redis");
        counter(registry, base, "gsweather.redis.tile.reads", "result", "miss", 1, "Tile reads not found in Redis");
        counter(
                registry,
                base,
                "gsweather.redis.tile.reads",
                "result",
                "near-cache-hit",
                2,
                "Tile reads answered by the near cache in this JVM");
        counter(
                registry,
                base,
                "gsweather.redis.tile.reads",
                "result",
                "failed",
                3,
                "Tile reads answered with a miss because Redis failed or timed out");
        counter(
                registry,
                base,
                "gsweather.redis.tile.reads",
                "result",
                "short-circuited",
                4,
                "Tile reads answered with a miss without asking Redis: its circuit breaker was open");
        counter(
                registry,
                base,
                "gsweather.redis.tile.reads",
                "result",
                "corrupt",
                5,
                "Values under a tile key that this store did not write (never served)");
        counter(registry, base, "gsweather.redis.tile.writes", "result", "stored", 6, "Tiles written to Redis");
        counter(
                registry,
                base,
                "gsweather.redis.tile.writes",
                "result",
                "dropped",
                7,
                "Tile writes given up: Redis failed, timed out or its breaker was open");
        counter(registry, base, "gsweather.redis.tile.deletes", "kind", "single", 8, "Tiles deleted by position");
        counter(
                registry,
                base,
                "gsweather.redis.tile.deletes",
                "kind",
                "bulk",
                9,
                "Tiles removed by bulk deletes (layer, gridset, parameters, range truncation)");
        counter(registry, base, "gsweather.redis.bulk.keys.scanned", null, null, 11, "Keys looked at by bulk deletes");
        counter(
                registry,
                base,
                "gsweather.redis.bulk.failures",
                null,
                null,
                12,
                "Bulk delete batches that failed (retried by the background deleter)");
        counter(registry, base, "gsweather.redis.breaker.openings", null, null, 13, "Times a circuit breaker opened");
        FunctionCounter.builder("gsweather.redis.bulk.deleted", base, b -> sum(b, 10))
                .description("Bytes of tiles removed by bulk deletes")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("gsweather.redis.breakers", state, RedisBlobStoreMeters::breakersIn)
                    .description("Circuit breakers (one per Redis server, per cluster primary) in each state")
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("gsweather.redis.bulk.pending", this, m -> pendingDeletions())
                .description("Bulk deletes recorded in Redis and not finished yet (by any node)")
                .register(registry);
        Gauge.builder(
                        "gsweather.redis.stores",
                        this,
                        m -> LiveRedisBlobStores.all().size())
                .description("Redis blob stores running in this GeoServer")
                .register(registry);
    }

    private static void counter(
            MeterRegistry registry,
            Map<TileStoreMetrics, long[]> base,
            String name,
            String tag,
            String value,
            int index,
            String description) {
        FunctionCounter.Builder<Map<TileStoreMetrics, long[]>> b =
                FunctionCounter.builder(name, base, m -> sum(m, index)).description(description);
        if (tag != null) {
            b.tag(tag, value);
        }
        b.register(registry);
    }

    /** The counters of one store, in the order {@link #counter} indexes them. */
    private static long[] snapshot(TileStoreMetrics m) {
        ToLongFunction<TileStoreMetrics>[] all = COUNTS;
        long[] out = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].applyAsLong(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static final ToLongFunction<TileStoreMetrics>[] COUNTS = new ToLongFunction[] {
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::hits,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::misses,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::nearCacheHits,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::readFailures,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::readsShortCircuited,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::corruptValues,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::puts,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::writesDropped,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::tilesDeleted,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::bulkTilesDeleted,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::bulkBytesDeleted,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::bulkKeysScanned,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::bulkFailures,
        (ToLongFunction<TileStoreMetrics>) TileStoreMetrics::breakerOpenings
    };

    /** The counter {@code index} summed over the running stores, each from its count at binding (0 if started since). */
    private static double sum(Map<TileStoreMetrics, long[]> base, int index) {
        long total = 0;
        for (RedisBlobStore s : LiveRedisBlobStores.all()) {
            TileStoreMetrics m = s.tileStore().metrics();
            long[] from;
            synchronized (base) {
                from = base.get(m);
            }
            total += COUNTS[index].applyAsLong(m) - (from == null ? 0 : from[index]);
        }
        return total;
    }

    private static double breakersIn(CircuitBreaker.State state) {
        long n = 0;
        for (RedisBlobStore s : LiveRedisBlobStores.all()) {
            n += s.tileStore().metrics().breakerStates().values().stream()
                    .filter(state::equals)
                    .count();
        }
        return n;
    }

    private static double pendingDeletions() {
        long n = 0;
        for (RedisBlobStore s : LiveRedisBlobStores.all()) {
            try {
                n += s.tileStore().pendingDeletions().size();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "pending deletions of " + s.name(), e);
                return Double.NaN;
            }
        }
        return n;
    }
}
