package org.gsweather.loadtest.pattern;

import java.util.ArrayList;
import java.util.List;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.tiles.TileRange;

/**
 * Every tile of the area exactly once: zoom levels from the coarsest, then layers, styles, times, rows and columns.
 * Cold-cache runs measure rendering with it; warm-ups fill the cache with it.
 */
final class SweepPattern implements RequestPattern {

    private record Cell(LayerTarget layer, int zoom, TileRange range) {}

    private final List<Cell> cells = new ArrayList<>();
    private int cell;
    private int style;
    private int time;
    private long row;
    private long col;

    SweepPattern(List<LayerTarget> layers) {
        int maxZoom = layers.stream()
                .mapToInt(l -> l.zooms().get(l.zooms().size() - 1))
                .max()
                .orElse(0);
        for (int z = 0; z <= maxZoom; z++) {
            for (LayerTarget l : layers) {
                if (l.zooms().contains(z)) {
                    cells.add(new Cell(l, z, l.areaRange(z)));
                }
            }
        }
        if (!cells.isEmpty()) {
            row = cells.get(0).range().minRow();
            col = cells.get(0).range().minCol();
        }
    }

    @Override
    public PlannedRequest next() {
        if (cell >= cells.size()) {
            return null;
        }
        Cell c = cells.get(cell);
        LayerTarget l = c.layer();
        PlannedRequest r =
                l.request(l.styles().get(style), l.times().get(time), c.zoom(), col, row, PlannedRequest.UNSCHEDULED);
        advance(c);
        return r;
    }

    private void advance(Cell c) {
        if (++col <= c.range().maxCol()) {
            return;
        }
        col = c.range().minCol();
        if (++row <= c.range().maxRow()) {
            return;
        }
        row = c.range().minRow();
        if (++time < c.layer().times().size()) {
            return;
        }
        time = 0;
        if (++style < c.layer().styles().size()) {
            return;
        }
        style = 0;
        if (++cell < cells.size()) {
            row = cells.get(cell).range().minRow();
            col = cells.get(cell).range().minCol();
        }
    }
}
