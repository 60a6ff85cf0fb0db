package org.gsweather.tiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The metatiles around a tile: a map cache renders tiles in blocks of {@code metaX} by {@code metaY} aligned on
 * multiples of that size (as GeoWebCache's {@code MetaTile} does), so the ring of tiles around a requested tile lies
 * in its own metatile and in up to eight others. Those others are what a viewer panning on will ask for next.
 */
public final class MetatileRing {
    private MetatileRing() {}

    /**
     * One tile (x, y, z) of each neighbouring metatile that holds a tile of the ring around {@code (x, y)}, within
     * {@code coverage} ({@code minX, minY, maxX, maxY} of zoom {@code z}, inclusive); the tile's own metatile is left
     * out. The tile given for a metatile is the ring's tile in it, so that rendering it renders that metatile.
     */
    public static List<long[]> around(long x, long y, int z, int metaX, int metaY, long[] coverage) {
        long ownX = x - Math.floorMod(x, metaX);
        long ownY = y - Math.floorMod(y, metaY);
        Set<List<Long>> seen = new LinkedHashSet<>();
        List<long[]> out = new ArrayList<>();
        for (long dy = -1; dy <= 1; dy++) {
            for (long dx = -1; dx <= 1; dx++) {
                long nx = x + dx;
                long ny = y + dy;
                if ((dx == 0 && dy == 0)
                        || nx < coverage[0]
                        || ny < coverage[1]
                        || nx > coverage[2]
                        || ny > coverage[3]) {
                    continue;
                }
                long mx = nx - Math.floorMod(nx, metaX);
                long my = ny - Math.floorMod(ny, metaY);
                if ((mx == ownX && my == ownY) || !seen.add(List.of(mx, my))) {
                    continue;
                }
                out.add(new long[] {nx, ny, z});
            }
        }
        return out;
    }
}
