package org.gsweather.redis;

/** The tiles of one zoom level between two corners, inclusive (GWC's {@code TileRange.rangeBounds(z)}). */
public record ZoomBounds(int z, long minX, long minY, long maxX, long maxY) {
    public ZoomBounds {
        if (z < 0 || minX < 0 || minY < 0 || maxX < minX || maxY < minY) {
            throw new IllegalArgumentException(
                    "invalid bounds at zoom " + z + ": x " + minX + ".." + maxX + ", y " + minY + ".." + maxY);
        }
    }

    /** The number of tile positions, or {@link Long#MAX_VALUE} when larger. */
    public long tileCount() {
        long w = maxX - minX + 1;
        long h = maxY - minY + 1;
        return Math.multiplyHigh(w, h) == 0 && w * h >= 0 ? w * h : Long.MAX_VALUE;
    }

    public boolean contains(TileIndex i) {
        return i.z() == z && i.x() >= minX && i.x() <= maxX && i.y() >= minY && i.y() <= maxY;
    }
}
