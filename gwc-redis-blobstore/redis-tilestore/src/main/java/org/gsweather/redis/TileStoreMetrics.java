package org.gsweather.redis;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * Counters of what the store did and what it had to give up on. Always on (a few {@link LongAdder}s); exported to
 * Micrometer with {@link #bindTo(MeterRegistry)} under {@code gsweather.redis.*}.
 */
public final class TileStoreMetrics implements MeterBinder {
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

    private final CircuitBreaker breaker;

    TileStoreMetrics(CircuitBreaker breaker) {
        this.breaker = breaker;
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

    public CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    public long breakerOpenings() {
        return breaker.timesOpened();
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
        Gauge.builder(
                        "gsweather.redis.breaker.open",
                        this,
                        m -> m.breaker.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                .description("1 while the circuit breaker keeps requests away from Redis")
                .register(registry);
        FunctionCounter.builder("gsweather.redis.breaker.openings", this, m -> m.breaker.timesOpened())
                .register(registry);
    }

    private void counter(
            MeterRegistry registry, String name, String tag, String value, ToDoubleFunction<TileStoreMetrics> f) {
        FunctionCounter.builder(name, this, f).tag(tag, value).register(registry);
    }
}
