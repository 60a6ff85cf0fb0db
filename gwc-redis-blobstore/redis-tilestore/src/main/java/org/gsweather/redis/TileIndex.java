package org.gsweather.redis;

/** A tile's position in its gridset: zoom level and column/row as GWC counts them. */
public record TileIndex(int z, long x, long y) {
    public TileIndex {
        if (z < 0 || x < 0 || y < 0) {
            throw new IllegalArgumentException("tile index must not be negative: z=" + z + " x=" + x + " y=" + y);
        }
    }
}
