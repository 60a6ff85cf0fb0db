package org.gsweather.redis;

import java.util.Objects;

/** Where one tile lives: its cache and its index. Every tile key is computed from this record alone. */
public record TileLocation(CacheId cache, TileIndex index) {
    public TileLocation {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(index, "index");
    }

    public static TileLocation of(CacheId cache, int z, long x, long y) {
        return new TileLocation(cache, new TileIndex(z, x, y));
    }
}
