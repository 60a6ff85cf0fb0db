package org.gsweather.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.gsweather.render.GridValues;
import org.gsweather.render.WindValues;

/**
 * Decoded fields, shared by every store of a server and bounded by bytes: decode once, sample for every
 * tile. A field many requests ask for at once is decoded once; the others wait for it. Winds are kept
 * with east/north components (grid-relative winds are turned once, when decoded).
 */
public final class FieldCache {
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
            return (GridValues) cache.get(field, k -> decode(field));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The decoded wind of a wind slice, east/north components. */
    public WindValues wind(Slice slice) throws IOException {
        WindKey key = new WindKey(slice.u(), slice.v());
        try {
            return (WindValues) cache.get(key, k -> decodeWind(slice));
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

    private static GridValues decode(FieldRef ref) {
        try {
            GridValues raw = GridValues.read(ref.field());
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
