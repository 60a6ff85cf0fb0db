package org.gsweather.redis;

import java.util.List;
import java.util.Objects;

/** A rectangular selection of tiles of one cache, per zoom level (what GWC's {@code TileRange} describes). */
public record TileRangeSpec(CacheId cache, List<ZoomBounds> zooms) {
    public TileRangeSpec {
        Objects.requireNonNull(cache, "cache");
        zooms = List.copyOf(zooms);
        if (zooms.isEmpty()) {
            throw new IllegalArgumentException("a tile range needs at least one zoom level");
        }
        if (zooms.stream().map(ZoomBounds::z).distinct().count() != zooms.size()) {
            throw new IllegalArgumentException("a tile range names each zoom level once: " + zooms);
        }
    }

    /** The number of tile positions, or {@link Long#MAX_VALUE} when larger. */
    public long tileCount() {
        long n = 0;
        for (ZoomBounds b : zooms) {
            n += b.tileCount();
            if (n < 0) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }
}
