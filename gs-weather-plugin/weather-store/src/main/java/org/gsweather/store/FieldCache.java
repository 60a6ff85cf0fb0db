package org.gsweather.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.gsweather.field.DecodePool;
import org.gsweather.render.GridValues;
import org.gsweather.render.WindValues;

/**
 * Decoded fields, shared by every store of a server and bounded by bytes: decode once, sample for every
 * tile. A field many requests ask for at once is decoded once; the others wait for it. Winds are kept
 * with east/north components (grid-relative winds are turned once, when decoded).
 *
 * <p>Decoding is timed as {@code gsweather.field.decode}; {@link #bindTo} exports the cache's size and counters.
 */
public final class FieldCache implements MeterBinder {
    /** Default share of the maximum heap: a quarter. */
    public static final double DEFAULT_HEAP_FRACTION = 0.25;

    private final Cache<Object, Object> cache;
    private final long maximumBytes;

    public FieldCache(long maximumBytes) {
        if (maximumBytes <= 0) {
            throw new IllegalArgumentException("field cache size " + maximumBytes + " bytes: give a positive size");
        }
        this.maximumBytes = maximumBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .weigher(FieldCache::weigh)
                .executor(Runnable::run) // evict on the caller's thread: the bound holds when put returns
                .recordStats()
                .build();
    }

    /** A cache of {@link #DEFAULT_HEAP_FRACTION} of the maximum heap. */
    public static FieldCache ofHeapFraction(double fraction) {
        return new FieldCache((long) (Runtime.getRuntime().maxMemory() * fraction));
    }

    /** The decoded values of a scalar slice. */
    public GridValues scalar(FieldRef field) throws IOException {
        try {
            return (GridValues) cache.get(field, k -> timed(StoreMeters.DECODE_SCALAR, () -> decode(field)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The decoded wind of a wind slice, east/north components. */
    public WindValues wind(Slice slice) throws IOException {
        WindKey key = new WindKey(slice.u(), slice.v());
        try {
            return (WindValues) cache.get(key, k -> timed(StoreMeters.DECODE_WIND, () -> decodeWind(slice)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Forgets the fields of a file (when it leaves its store). */
    public void invalidate(StoreFile file) {
        cache.asMap()
                .keySet()
                .removeIf(k -> k instanceof FieldRef r && r.file() == file
                        || k instanceof WindKey w && (w.u.file() == file || w.v.file() == file));
    }

    /** Empties the cache and keeps the counters. */
    public void clear() {
        cache.invalidateAll();
    }

    public CacheStats stats() {
        return cache.stats();
    }

    /** Bytes held now (approximate while evictions run). */
    public long bytes() {
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    public long maximumBytes() {
        return maximumBytes;
    }

    public long entries() {
        return cache.estimatedSize();
    }

    private static Object timed(Timer timer, java.util.function.Supplier<Object> load) {
        long start = System.nanoTime();
        try {
            return load.get();
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Exports the cache under {@code gsweather.field.cache.*}: bytes held and allowed, entries, and requests (hit,
     * miss), evictions and failed loads counted from the moment of binding, so that a registry made afresh (a reset of
     * the server's metrics) starts from zero.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        CacheStats base = cache.stats();
        Gauge.builder("gsweather.field.cache.size", this, FieldCache::bytes)
                .description("Bytes of decoded fields held")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
        Gauge.builder("gsweather.field.cache.limit", this, FieldCache::maximumBytes)
                .description("Bytes the field cache may hold (WX_FIELD_CACHE_SIZE)")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
        Gauge.builder("gsweather.field.cache.entries", this, FieldCache::entries)
                .description("Decoded fields held (a wind counts once)")
                .register(registry);
        counter(
                registry,
                "gsweather.field.cache.requests",
                "result",
                "hit",
                "Field lookups found decoded",
                base,
                CacheStats::hitCount);
        counter(
                registry,
                "gsweather.field.cache.requests",
                "result",
                "miss",
                "Field lookups that decoded the field",
                base,
                CacheStats::missCount);
        counter(
                registry,
                "gsweather.field.cache.evictions",
                null,
                null,
                "Fields dropped to stay within the limit",
                base,
                CacheStats::evictionCount);
        FunctionCounter.builder(
                        "gsweather.field.cache.evicted",
                        this,
                        c -> c.cache.stats().evictionWeight() - base.evictionWeight())
                .description("Bytes of fields dropped to stay within the limit")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
        counter(
                registry,
                "gsweather.field.cache.load.failures",
                null,
                null,
                "Fields that could not be decoded (the request failed with the reason)",
                base,
                CacheStats::loadFailureCount);
    }

    private void counter(
            MeterRegistry registry,
            String name,
            String tag,
            String value,
            String description,
            CacheStats base,
            ToLongFunction<CacheStats> count) {
        FunctionCounter.Builder<FieldCache> b = FunctionCounter.builder(
                        name, this, c -> count.applyAsLong(c.cache.stats()) - count.applyAsLong(base))
                .description(description);
        if (tag != null) {
            b.tag(tag, value);
        }
        b.register(registry);
    }

    private static GridValues decode(FieldRef ref) {
        try {
            // the first tile of a new file waits for this: the process-wide pool's idle threads help, a busy server
            // decodes on the requesting thread alone
            GridValues raw = GridValues.read(ref.field(), DecodePool.shared());
            return ref.calibration() == null
                    ? raw
                    : ref.calibration().apply(ref.file().file(), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(ref.file().path().getFileName() + ": " + e.getMessage(), e));
        }
    }

    /** Decodes both components itself: a loader must not fill other entries of the cache. */
    private static WindValues decodeWind(Slice slice) {
        return new WindValues(
                        decode(slice.u()), decode(slice.v()), slice.u().field().gridRelativeVectors())
                .earthRelative();
    }

    private static int weigh(Object key, Object value) {
        long bytes;
        if (value instanceof GridValues g) {
            bytes = 64 + 4L * g.values().length;
        } else if (value instanceof WindValues w) {
            bytes = 128 + 8L * w.u().values().length;
        } else {
            bytes = 64;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private record WindKey(FieldRef u, FieldRef v) {}
}
