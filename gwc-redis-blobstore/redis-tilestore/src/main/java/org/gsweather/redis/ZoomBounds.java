package org.gsweather.redis;

/** The tiles of one zoom level between two corners, inclusive (GWC's {@code TileRange.rangeBounds(z)}). */
public record ZoomBounds(int z, long minX, long minY, long maxX, long maxY) {
    public ZoomBounds {
        if (z < 0 || minX < 0 || minY < 0 || maxX < minX || maxY < minY) {
            throw new IllegalArgumentException(
                    "invalid bounds at zoom " + z + ": x " + minX + ".." + maxX + ", y " + minY + ".." + maxY);
        }
    }

    public long tileCount() {
        return (maxX - minX + 1) * (maxY - minY + 1);
    }

    public boolean contains(TileIndex i) {
        return i.z() == z && i.x() >= minX && i.x() <= maxX && i.y() >= minY && i.y() <= maxY;
    }
}
