package org.gsweather.loadtest.pattern;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.tiles.TileRange;

/** Tiles drawn uniformly: layer by weight, then style, time, zoom level, and a tile of the area at that zoom. */
final class UniformPattern implements RequestPattern {
    private final LayerPicker pick;

    UniformPattern(List<LayerTarget> layers, UniformRandomProvider rng) {
        this.pick = new LayerPicker(layers, rng);
    }

    @Override
    public PlannedRequest next() {
        LayerTarget layer = pick.layer();
        String style = pick.style(layer);
        String time = pick.time(layer);
        int zoom = pick.zoom(layer);
        TileRange r = layer.areaRange(zoom);
        long col = r.minCol() + pick.below(r.width());
        long row = r.minRow() + pick.below(r.height());
        return layer.request(style, time, zoom, col, row, PlannedRequest.UNSCHEDULED);
    }
}
