package org.gsweather.loadtest.pattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.tiles.TileRange;

/**
 * Viewers dragging a viewport across the area: {@code step} tile columns per step, back and forth in bands of the
 * viewport's height (a lawnmower path); after the last band, the next zoom level. A viewer requests only the tiles
 * that enter its viewport, as a browser keeping the tiles it has does; a new band or zoom asks for the whole
 * viewport.
 */
final class PanPattern extends ViewerPattern {

    private final class Viewer {
        LayerTarget layer;
        String style;
        String time;
        int zoomIndex;
        TileRange bounds;
        TileRange view;
        int direction;
        boolean fresh = true;

        void start(int zoomIndex) {
            this.zoomIndex = zoomIndex % layer.zooms().size();
            bounds = layer.areaRange(zoom());
            long col = bounds.minCol() + pick.below(bounds.width());
            long row = bounds.minRow() + pick.below(bounds.height());
            view = fit(col, row, width, height, bounds);
            direction = pick.below(2) == 0 ? 1 : -1;
            fresh = true;
        }

        int zoom() {
            return layer.zooms().get(zoomIndex);
        }
    }

    private final LayerPicker pick;
    private final List<Viewer> viewers = new ArrayList<>();
    private final int width;
    private final int height;
    private final int step;

    PanPattern(
            List<LayerTarget> layers,
            int viewers,
            int width,
            int height,
            int step,
            Duration interval,
            UniformRandomProvider rng) {
        super(viewers, interval);
        this.pick = new LayerPicker(layers, rng);
        this.width = width;
        this.height = height;
        this.step = step;
        for (int v = 0; v < viewers; v++) {
            Viewer viewer = new Viewer();
            viewer.layer = pick.layer();
            viewer.style = pick.style(viewer.layer);
            viewer.time = pick.time(viewer.layer);
            viewer.start(v);
            this.viewers.add(viewer);
        }
    }

    @Override
    void step(int index, long due, Collection<PlannedRequest> out) {
        Viewer v = viewers.get(index);
        if (v.fresh) {
            v.fresh = false;
            all(v.layer, v.style, v.time, v.zoom(), v.view, due, out);
            return;
        }
        TileRange old = v.view;
        long col = old.minCol() + (long) v.direction * step;
        if (col < v.bounds.minCol() || col + old.width() - 1 > v.bounds.maxCol()) {
            long row = old.minRow() + height;
            if (row > v.bounds.maxRow()) {
                v.start(v.zoomIndex + 1);
                all(v.layer, v.style, v.time, v.zoom(), v.view, due, out);
                v.fresh = false;
                return;
            }
            v.direction = -v.direction;
            v.view = fit(old.minCol(), row, width, height, v.bounds);
            all(v.layer, v.style, v.time, v.zoom(), v.view, due, out);
            return;
        }
        v.view = new TileRange(col, old.minRow(), col + old.width() - 1, old.maxRow());
        long c0 = v.direction > 0 ? Math.max(old.maxCol() + 1, v.view.minCol()) : v.view.minCol();
        long c1 = v.direction > 0 ? v.view.maxCol() : Math.min(old.minCol() - 1, v.view.maxCol());
        all(v.layer, v.style, v.time, v.zoom(), new TileRange(c0, old.minRow(), c1, old.maxRow()), due, out);
    }
}
