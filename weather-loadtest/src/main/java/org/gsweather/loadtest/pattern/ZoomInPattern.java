package org.gsweather.loadtest.pattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.request.TargetException;
import org.gsweather.loadtest.scenario.Region;
import org.gsweather.loadtest.tiles.LonLatBox;
import org.gsweather.loadtest.tiles.TileRange;

/**
 * Viewers zooming into a target (a storm): a whole viewport centred on the target at each zoom level from the
 * coarsest to the finest, one level per step; then the next target. Viewer v starts at target v.
 */
final class ZoomInPattern extends ViewerPattern {

    private static final class Viewer {
        LayerTarget layer;
        String style;
        String time;
        int target;
        int zoomIndex;
    }

    private final LayerPicker pick;
    private final Map<LayerTarget, List<Region>> targets = new IdentityHashMap<>();
    private final List<Viewer> viewers = new ArrayList<>();
    private final int width;
    private final int height;

    ZoomInPattern(
            List<LayerTarget> layers,
            List<Region> regions,
            int viewers,
            int width,
            int height,
            Duration interval,
            UniformRandomProvider rng) {
        super(viewers, interval);
        this.pick = new LayerPicker(layers, rng);
        this.width = width;
        this.height = height;
        for (LayerTarget l : layers) {
            List<Region> within = regions.stream()
                    .filter(r -> r.box().intersection(l.extent()) != null)
                    .toList();
            if (within.isEmpty()) {
                throw new TargetException("no zoom_in target overlaps layer " + l.name() + "'s extent " + l.extent()
                        + "; choose pattern.targets that do (wx-loadtest regions lists them)");
            }
            targets.put(l, within);
        }
        for (int v = 0; v < viewers; v++) {
            Viewer viewer = new Viewer();
            viewer.target = v;
            choose(viewer);
            this.viewers.add(viewer);
        }
    }

    private void choose(Viewer v) {
        v.layer = pick.layer();
        v.style = pick.style(v.layer);
        v.time = pick.time(v.layer);
        v.zoomIndex = 0;
    }

    @Override
    void step(int index, long due, Collection<PlannedRequest> out) {
        Viewer v = viewers.get(index);
        List<Region> mine = targets.get(v.layer);
        Region target = mine.get(v.target % mine.size());
        int zoom = v.layer.zooms().get(v.zoomIndex);
        LonLatBox centre = target.box().intersection(v.layer.extent());
        double lon = centre.centerLon();
        double lat = centre.centerLat();
        TileRange at = v.layer.range(zoom, new LonLatBox(lon - 1e-7, lat - 1e-7, lon + 1e-7, lat + 1e-7));
        TileRange bounds = v.layer.range(zoom, v.layer.extent());
        TileRange view = fit(at.minCol() - (width - 1) / 2, at.minRow() - (height - 1) / 2, width, height, bounds);
        all(v.layer, v.style, v.time, zoom, view, due, out);
        if (++v.zoomIndex == v.layer.zooms().size()) {
            v.target += viewers.size();
            choose(v);
        }
    }
}
