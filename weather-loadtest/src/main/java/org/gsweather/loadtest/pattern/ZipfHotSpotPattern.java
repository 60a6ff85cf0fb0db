package org.gsweather.loadtest.pattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.request.TargetException;
import org.gsweather.loadtest.scenario.Region;
import org.gsweather.loadtest.tiles.TileRange;

/**
 * Hot spots as map traffic has them: a region drawn by Zipf over its rank (the most populous region most often),
 * a zoom level uniformly, and a tile of the region drawn by Zipf over its distance from the region's centre (in
 * square rings), so a few tiles take most requests and a long tail the rest.
 */
final class ZipfHotSpotPattern implements RequestPattern {
    private static final int RETRIES = 16;

    private final LayerPicker pick;
    private final Map<LayerTarget, List<Region>> spots = new IdentityHashMap<>();
    private final Map<Integer, SharedStateDiscreteSampler> samplers = new HashMap<>();
    private final UniformRandomProvider rng;
    private final double exponent;

    ZipfHotSpotPattern(List<LayerTarget> layers, List<Region> regions, double exponent, UniformRandomProvider rng) {
        this.pick = new LayerPicker(layers, rng);
        this.rng = rng;
        this.exponent = exponent;
        for (LayerTarget l : layers) {
            List<Region> within = new ArrayList<>();
            for (Region r : regions) {
                if (r.box().intersection(l.extent()) != null) {
                    within.add(r);
                }
            }
            if (within.isEmpty()) {
                throw new TargetException("no hot spot region overlaps layer " + l.name() + "'s extent " + l.extent()
                        + "; choose pattern.hotSpots that do (wx-loadtest regions lists them)");
            }
            spots.put(l, within);
        }
    }

    @Override
    public PlannedRequest next() {
        LayerTarget layer = pick.layer();
        List<Region> mine = spots.get(layer);
        Region region = mine.get(zipf(mine.size()) - 1);
        int zoom = pick.zoom(layer);
        TileRange r = layer.range(zoom, region.box());
        if (r == null) {
            r = layer.areaRange(zoom);
        }
        long centerCol = (r.minCol() + r.maxCol()) / 2;
        long centerRow = (r.minRow() + r.maxRow()) / 2;
        long col = -1;
        long row = -1;
        int n = (int) Math.min(r.count(), Integer.MAX_VALUE);
        for (int i = 0; i < RETRIES; i++) {
            long[] d = Spiral.offset(zipf(n) - 1);
            if (r.contains(centerCol + d[0], centerRow + d[1])) {
                col = centerCol + d[0];
                row = centerRow + d[1];
                break;
            }
        }
        if (col < 0) {
            col = r.minCol() + pick.below(r.width());
            row = r.minRow() + pick.below(r.height());
        }
        return layer.request(pick.style(layer), pick.time(layer), zoom, col, row, PlannedRequest.UNSCHEDULED);
    }

    /** A rank in 1..n. */
    private int zipf(int n) {
        if (n == 1) {
            return 1;
        }
        return samplers.computeIfAbsent(n, k -> RejectionInversionZipfSampler.of(rng, k, exponent))
                .sample();
    }
}
