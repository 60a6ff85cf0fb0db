package org.gsweather.loadtest.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.tiles.TileRange;

/** The same number of random tiles at each zoom level, coarsest first, over and over: latency against zoom. */
final class ZoomSweepPattern implements RequestPattern {
    private final List<Integer> zooms;
    private final List<LayerPicker> pickers = new ArrayList<>();
    private final int tilesPerZoom;
    private int zoomIndex;
    private int done;

    ZoomSweepPattern(List<LayerTarget> layers, int tilesPerZoom, UniformRandomProvider rng) {
        TreeSet<Integer> all = new TreeSet<>();
        layers.forEach(l -> all.addAll(l.zooms()));
        this.zooms = List.copyOf(all);
        for (int z : zooms) {
            pickers.add(new LayerPicker(
                    layers.stream().filter(l -> l.zooms().contains(z)).toList(), rng));
        }
        this.tilesPerZoom = tilesPerZoom;
    }

    @Override
    public PlannedRequest next() {
        int zoom = zooms.get(zoomIndex);
        LayerPicker pick = pickers.get(zoomIndex);
        if (++done == tilesPerZoom) {
            done = 0;
            zoomIndex = (zoomIndex + 1) % zooms.size();
        }
        LayerTarget layer = pick.layer();
        TileRange r = layer.areaRange(zoom);
        return layer.request(
                pick.style(layer),
                pick.time(layer),
                zoom,
                r.minCol() + pick.below(r.width()),
                r.minRow() + pick.below(r.height()),
                PlannedRequest.UNSCHEDULED);
    }
}
