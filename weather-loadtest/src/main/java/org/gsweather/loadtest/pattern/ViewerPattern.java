package org.gsweather.loadtest.pattern;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.tiles.TileRange;

/**
 * Viewers that each show a viewport of tiles and change it at a fixed interval (a pan step, a zoom step, an
 * animation frame). Every viewer steps once per interval, viewer v offset by v/viewers of an interval, so requests
 * come out in the order they are due; each carries its due time for the open model.
 */
abstract class ViewerPattern implements RequestPattern {
    private final ArrayDeque<PlannedRequest> pending = new ArrayDeque<>();
    private final int viewers;
    private final long intervalNanos;
    private long tick;

    ViewerPattern(int viewers, Duration interval) {
        this.viewers = viewers;
        this.intervalNanos = Math.max(1, interval.toNanos());
    }

    @Override
    public final PlannedRequest next() {
        while (pending.isEmpty()) {
            for (int v = 0; v < viewers; v++) {
                step(v, tick * intervalNanos + v * intervalNanos / viewers, pending);
            }
            tick++;
        }
        return pending.poll();
    }

    /** Adds the requests of viewer {@code viewer}'s next step, all due at {@code due}; at least one. */
    abstract void step(int viewer, long due, Collection<PlannedRequest> out);

    /** Adds every tile of a viewport, row by row. */
    static void all(
            LayerTarget layer,
            String style,
            String time,
            int zoom,
            TileRange viewport,
            long due,
            Collection<PlannedRequest> out) {
        for (long r = viewport.minRow(); r <= viewport.maxRow(); r++) {
            for (long c = viewport.minCol(); c <= viewport.maxCol(); c++) {
                out.add(layer.request(style, time, zoom, c, r, due));
            }
        }
    }

    /**
     * A viewport of w x h tiles whose top-left tile is at (col, row), moved as little as needed to lie within the
     * bounds (and cut to them when they are smaller).
     */
    static TileRange fit(long col, long row, int w, int h, TileRange bounds) {
        long c0 = Math.max(bounds.minCol(), Math.min(col, bounds.maxCol() - w + 1));
        long r0 = Math.max(bounds.minRow(), Math.min(row, bounds.maxRow() - h + 1));
        return new TileRange(c0, r0, Math.min(bounds.maxCol(), c0 + w - 1), Math.min(bounds.maxRow(), r0 + h - 1));
    }
}
