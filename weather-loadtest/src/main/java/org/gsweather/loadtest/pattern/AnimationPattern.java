package org.gsweather.loadtest.pattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.request.TargetException;
import org.gsweather.loadtest.tiles.TileRange;

/**
 * Viewers playing a layer's time values as an animation: the whole viewport for frame after frame at a frame rate,
 * {@code loops} times, then a new viewport elsewhere (random zoom and position in the area).
 */
final class AnimationPattern extends ViewerPattern {

    private static final class Viewer {
        LayerTarget layer;
        String style;
        int zoom;
        TileRange view;
        int frame;
        int loop;
    }

    private final LayerPicker pick;
    private final List<Viewer> viewers = new ArrayList<>();
    private final int width;
    private final int height;
    private final int loops;

    AnimationPattern(
            List<LayerTarget> layers,
            int viewers,
            int width,
            int height,
            double fps,
            int loops,
            UniformRandomProvider rng) {
        super(viewers, Duration.ofNanos(Math.round(1e9 / fps)));
        for (LayerTarget l : layers) {
            if (l.times().size() < 2 || l.times().contains(null)) {
                throw new TargetException("an animation steps through time values, and layer " + l.name()
                        + (l.times().contains(null)
                                ? " is requested without TIME: set times: all (or first:N, last:N, a list)"
                                : " has a single time value: " + l.times().get(0)));
            }
        }
        this.pick = new LayerPicker(layers, rng);
        this.width = width;
        this.height = height;
        this.loops = loops;
        for (int v = 0; v < viewers; v++) {
            Viewer viewer = new Viewer();
            place(viewer);
            this.viewers.add(viewer);
        }
    }

    private void place(Viewer v) {
        v.layer = pick.layer();
        v.style = pick.style(v.layer);
        v.zoom = pick.zoom(v.layer);
        TileRange area = v.layer.areaRange(v.zoom);
        v.view = fit(
                area.minCol() + pick.below(area.width()),
                area.minRow() + pick.below(area.height()),
                width,
                height,
                area);
        v.frame = 0;
        v.loop = 0;
    }

    @Override
    void step(int index, long due, Collection<PlannedRequest> out) {
        Viewer v = viewers.get(index);
        all(v.layer, v.style, v.layer.times().get(v.frame), v.zoom, v.view, due, out);
        if (++v.frame == v.layer.times().size()) {
            v.frame = 0;
            if (++v.loop == loops) {
                place(v);
            }
        }
    }
}
