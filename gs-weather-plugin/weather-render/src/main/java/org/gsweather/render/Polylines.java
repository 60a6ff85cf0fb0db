package org.gsweather.render;

import java.util.Arrays;

/**
 * A growable set of polylines in pixel coordinates, stored flat: line {@code k} has the points {@code
 * start(k)} to {@code start(k + 1) - 1}, and is closed (its last point joins its first) when {@link
 * #closed(int)}. Reused from tile to tile.
 */
final class Polylines {
    private double[] xy = new double[1024];
    private int points;
    private int[] starts = new int[64];
    private boolean[] closed = new boolean[64];
    private int lines;

    void clear() {
        points = 0;
        lines = 0;
    }

    int size() {
        return lines;
    }

    int start(int line) {
        return starts[line];
    }

    int end(int line) {
        return line + 1 < lines ? starts[line + 1] : points;
    }

    boolean closed(int line) {
        return closed[line];
    }

    double x(int point) {
        return xy[2 * point];
    }

    double y(int point) {
        return xy[2 * point + 1];
    }

    void begin(boolean isClosed) {
        if (lines == starts.length) {
            starts = Arrays.copyOf(starts, 2 * lines);
            closed = Arrays.copyOf(closed, 2 * lines);
        }
        starts[lines] = points;
        closed[lines] = isClosed;
        lines++;
    }

    void add(double x, double y) {
        if (2 * points + 2 > xy.length) {
            xy = Arrays.copyOf(xy, 2 * xy.length);
        }
        xy[2 * points] = x;
        xy[2 * points + 1] = y;
        points++;
    }

    /** Drops the last line if it has fewer than two points. */
    void endLine() {
        if (lines > 0 && points - starts[lines - 1] < 2) {
            points = starts[lines - 1];
            lines--;
        }
    }

    /**
     * Chaikin corner cutting into {@code out}: each pass replaces a segment by its points at 1/4 and 3/4;
     * the ends of open lines stay. A point far enough from a line's cut ends depends only on its
     * neighbours, so a line cut differently by two windows smooths to the same points inside both.
     */
    void smooth(int passes, Polylines out, Polylines scratch) {
        Polylines src = this;
        for (int p = 0; p < passes; p++) {
            Polylines dst = (p == passes - 1) ? out : (src == scratch ? out : scratch);
            if (dst == src) {
                dst = out == src ? scratch : out;
            }
            dst.clear();
            for (int k = 0; k < src.lines; k++) {
                int s = src.start(k);
                int e = src.end(k);
                boolean c = src.closed(k);
                dst.begin(c);
                if (!c) {
                    dst.add(src.x(s), src.y(s));
                }
                int segments = c ? e - s : e - s - 1;
                for (int q = 0; q < segments; q++) {
                    int a = s + q;
                    int b = (a + 1 < e) ? a + 1 : s;
                    double ax = src.x(a), ay = src.y(a), bx = src.x(b), by = src.y(b);
                    dst.add(0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by);
                    dst.add(0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by);
                }
                if (!c) {
                    dst.add(src.x(e - 1), src.y(e - 1));
                }
                dst.endLine();
            }
            src = dst;
        }
        if (passes == 0) {
            out.copyFrom(this);
        } else if (src != out) {
            out.copyFrom(src);
        }
    }

    /** Maps every point p to {@code p * factor + (dx, dy)}. */
    void scale(double factor, double dx, double dy) {
        for (int k = 0; k < points; k++) {
            xy[2 * k] = xy[2 * k] * factor + dx;
            xy[2 * k + 1] = xy[2 * k + 1] * factor + dy;
        }
    }

    void copyFrom(Polylines o) {
        clear();
        for (int k = 0; k < o.lines; k++) {
            begin(o.closed(k));
            for (int q = o.start(k); q < o.end(k); q++) {
                add(o.x(q), o.y(q));
            }
        }
    }
}
