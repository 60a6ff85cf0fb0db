package org.gsweather.loadtest.tiles;

import java.util.Map;

/**
 * A tile matrix set as one layer uses it: the set and the layer's per-matrix limits (WMTS TileMatrixSetLimits).
 * Matrices without limits are used whole.
 */
public record LayerGrid(TileMatrixSet set, Map<String, TileRange> limits) {

    public LayerGrid {
        limits = Map.copyOf(limits);
    }

    public int zoomLevels() {
        return set.matrices().size();
    }

    /** The layer's tiles at a zoom level: the limits, or the whole matrix. */
    public TileRange limits(int zoom) {
        TileMatrix m = set.matrix(zoom);
        TileRange limit = limits.get(m.identifier());
        return limit == null ? m.all() : limit.intersection(m.all());
    }

    /**
     * The layer's tiles at a zoom level that cover a lon/lat box, or null when none do. In a CRS other than Web
     * Mercator and lon/lat the box cannot be mapped, and the layer's limits are returned.
     */
    public TileRange covering(int zoom, LonLatBox box) {
        TileRange limit = limits(zoom);
        Crs crs = set.crs();
        if (crs == Crs.OTHER || limit == null) {
            return limit;
        }
        TileRange r = set.matrix(zoom)
                .covering(crs, crs.x(box.west()), crs.y(box.south()), crs.x(box.east()), crs.y(box.north()));
        return r == null ? null : r.intersection(limit);
    }
}
