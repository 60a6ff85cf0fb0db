package org.gsweather.loadtest.request;

import java.util.List;
import org.gsweather.loadtest.tiles.LayerGrid;
import org.gsweather.loadtest.tiles.LonLatBox;
import org.gsweather.loadtest.tiles.TileRange;

/**
 * A layer as a run requests it: its grid, the scenario's area within its extent, the zoom levels that have tiles
 * there, the styles and time values to use and how to write a tile's URL.
 *
 * @param extent the layer's own lon/lat extent (the world when the server gave none)
 * @param area the scenario's region within the extent
 * @param zooms the scenario's zoom levels at which the area has tiles, ascending
 * @param times time values to request; a single null element means "send no TIME" (the server's default)
 * @param weight relative share of requests among the run's layers
 */
public record LayerTarget(
        String name,
        LayerGrid grid,
        LonLatBox extent,
        LonLatBox area,
        List<Integer> zooms,
        List<String> styles,
        List<String> times,
        double weight,
        TileUrl url,
        boolean expectImage) {

    public LayerTarget {
        zooms = List.copyOf(zooms);
        styles = List.copyOf(styles);
        times = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(times));
    }

    /** The tiles of the scenario's area at a zoom level. */
    public TileRange areaRange(int zoom) {
        return grid.covering(zoom, area);
    }

    /** The tiles of another box (a hot spot, a storm) within the layer's extent, or null when it misses. */
    public TileRange range(int zoom, LonLatBox box) {
        LonLatBox b = box.intersection(extent);
        return b == null ? null : grid.covering(zoom, b);
    }

    public PlannedRequest request(String style, String time, int zoom, long col, long row, long dueNanos) {
        return new PlannedRequest(url.target(style, time, zoom, col, row), name, zoom, dueNanos, expectImage);
    }
}
