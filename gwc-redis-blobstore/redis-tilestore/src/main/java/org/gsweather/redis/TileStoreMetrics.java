package org.gsweather.redis;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * Counters of what the store did and what it had to give up on. Always on (a few {@link LongAdder}s); exported to
 * Micrometer with {@link #bindTo(MeterRegistry)} under {@code gsweather.redis.*}. The round trips of tile reads,
 * writes and deletes are timed as {@code gsweather.redis.op} on Micrometer's global registry, which records nothing
 * until a server adds a registry to it.
 */
public final class TileStoreMetrics implements MeterBinder {
    private static final Timer GET = operation("get", "A tile read that went to Redis (near-cache hits excluded)");
    private static final Timer PUT = operation("put", "A tile written to Redis (dropped writes excluded)");
    private static final Timer DELETE = operation("delete", "Tiles deleted by position (one or a batch)");

    final Timer redisGet = GET;
    final Timer redisPut = PUT;
    final Timer redisDelete = DELETE;

    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder nearCacheHits = new LongAdder();
    final LongAdder readFailures = new LongAdder();
    final LongAdder readsShortCircuited = new LongAdder();
    final LongAdder corruptValues = new LongAdder();
    final LongAdder puts = new LongAdder();
    final LongAdder writesDropped = new LongAdder();
    final LongAdder tilesDeleted = new LongAdder();
    final LongAdder bulkTilesDeleted = new LongAdder();
    final LongAdder bulkBytesDeleted = new LongAdder();
    final LongAdder bulkKeysScanned = new LongAdder();
    final LongAdder bulkFailures = new LongAdder();

    private final NodeBreakers breakers;

    TileStoreMetrics(NodeBreakers breakers) {
        this.breakers = breakers;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long nearCacheHits() {
        return nearCacheHits.sum();
    }

    /** Reads answered with a miss because Redis failed or timed out. */
    public long readFailures() {
        return readFailures.sum();
    }

    /** Reads answered with a miss without asking Redis, because the circuit breaker was open. */
    public long readsShortCircuited() {
        return readsShortCircuited.sum();
    }

    /** Values under a tile key that were not written by this store (never served). */
    public long corruptValues() {
        return corruptValues.sum();
    }

    public long puts() {
        return puts.sum();
    }

    /** Tile writes given up because Redis failed, timed out or the breaker was open. */
    public long writesDropped() {
        return writesDropped.sum();
    }

    public long tilesDeleted() {
        return tilesDeleted.sum();
    }

    public long bulkTilesDeleted() {
        return bulkTilesDeleted.sum();
    }

    public long bulkBytesDeleted() {
        return bulkBytesDeleted.sum();
    }

    public long bulkKeysScanned() {
        return bulkKeysScanned.sum();
    }

    public long bulkFailures() {
        return bulkFailures.sum();
    }

    /**
     * The state of the circuit breaker; in a cluster, where each primary has its own, the worst of them ({@code OPEN}
     * when any primary's breaker is open). See {@link #breakerStates()} for each.
     */
    public CircuitBreaker.State breakerState() {
        return breakers.worstState();
    }

    /**
     * The state of each server's circuit breaker: one entry for standalone ({@code host:port}) and Sentinel (the
     * master's name); in a cluster, one per primary that owns slots now, by {@code host:port}, in slot order.
     */
    public Map<String, CircuitBreaker.State> breakerStates() {
        return breakers.states();
    }

    /** How many servers' breakers keep requests away now (0 or 1 for standalone and Sentinel). */
    public int breakersOpen() {
        return breakers.openCount();
    }

    /** How often a circuit breaker opened, summed over the servers. */
    public long breakerOpenings() {
        return breakers.timesOpened();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "gsweather.redis.tile.reads", "result", "hit", m -> m.hits.sum());
        counter(registry, "gsweather.redis.tile.reads", "result", "miss", m -> m.misses.sum());
        counter(registry, "gsweather.redis.tile.reads", "result", "near-cache-hit", m -> m.nearCacheHits.sum());
        counter(registry, "gsweather.redis.tile.reads", "result", "failed", m -> m.readFailures.sum());
        counter(registry, "gsweather.redis.tile.reads", "result", "short-circuited", m -> m.readsShortCircuited.sum());
        counter(registry, "gsweather.redis.tile.reads", "result", "corrupt", m -> m.corruptValues.sum());
        counter(registry, "gsweather.redis.tile.writes", "result", "stored", m -> m.puts.sum());
        counter(registry, "gsweather.redis.tile.writes", "result", "dropped", m -> m.writesDropped.sum());
        counter(registry, "gsweather.redis.tile.deletes", "kind", "single", m -> m.tilesDeleted.sum());
        counter(registry, "gsweather.redis.tile.deletes", "kind", "bulk", m -> m.bulkTilesDeleted.sum());
        counter(registry, "gsweather.redis.bulk.bytes", "kind", "deleted", m -> m.bulkBytesDeleted.sum());
        counter(registry, "gsweather.redis.bulk.keys", "kind", "scanned", m -> m.bulkKeysScanned.sum());
        counter(registry, "gsweather.redis.bulk.failures", "kind", "batch", m -> m.bulkFailures.sum());
        Gauge.builder("gsweather.redis.breaker.open", this, TileStoreMetrics::breakersOpen)
                .description(
                        "Redis servers whose circuit breaker keeps requests away (one breaker per cluster primary)")
                .register(registry);
        FunctionCounter.builder("gsweather.redis.breaker.openings", this, TileStoreMetrics::breakerOpenings)
                .description("How often a circuit breaker opened, summed over the Redis servers")
                .register(registry);
    }

    private static Timer operation(String op, String description) {
        return Timer.builder("gsweather.redis.op")
                .description(description)
                .tag("op", op)
                .register(Metrics.globalRegistry);
    }

    private void counter(
            MeterRegistry registry, String name, String tag, String value, ToDoubleFunction<TileStoreMetrics> f) {
        FunctionCounter.builder(name, this, f).tag(tag, value).register(registry);
    }
}
