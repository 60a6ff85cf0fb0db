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
    private int[] tags = new int[64];
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
            tags = Arrays.copyOf(tags, 2 * lines);
        }
        starts[lines] = points;
        closed[lines] = isClosed;
        tags[lines] = 0;
        lines++;
    }

    /** A number the caller attaches to a line (the level's index for isolines). */
    int tag(int line) {
        return tags[line];
    }

    /** Appends all lines of {@code o}, tagged {@code tag}. */
    void append(Polylines o, int tag) {
        for (int k = 0; k < o.lines; k++) {
            begin(o.closed(k));
            tags[lines - 1] = tag;
            for (int q = o.start(k); q < o.end(k); q++) {
                add(o.x(q), o.y(q));
            }
        }
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
     * Smoothing by moving averages into {@code out}: each pass replaces every point by 1/4 of each
     * neighbour plus 1/2 of itself; the ends of open lines stay. The point count does not change. A
     * point farther than {@code passes} points from a line's cut ends depends only on its neighbours, so
     * a line cut differently by two windows smooths to the same points inside both.
     */
    void smooth(int passes, Polylines out, Polylines scratch) {
        Polylines src = this;
        for (int p = 0; p < passes; p++) {
            Polylines dst = (p % 2 == passes % 2) ? scratch : out;
            dst.clear();
            for (int k = 0; k < src.lines; k++) {
                int s = src.start(k);
                int e = src.end(k);
                boolean c = src.closed(k);
                dst.begin(c);
                for (int q = s; q < e; q++) {
                    if (!c && (q == s || q == e - 1)) {
                        dst.add(src.x(q), src.y(q));
                        continue;
                    }
                    int a = q > s ? q - 1 : e - 1;
                    int b = q + 1 < e ? q + 1 : s;
                    dst.add(
                            0.25 * src.x(a) + 0.5 * src.x(q) + 0.25 * src.x(b),
                            0.25 * src.y(a) + 0.5 * src.y(q) + 0.25 * src.y(b));
                }
                dst.endLine();
            }
            src = dst;
        }
        if (src != out) {
            out.copyFrom(src);
        }
    }

    /** Which lines {@link #removeIf} removes, by their point range. */
    interface LineTest {
        boolean test(int start, int end, boolean closed);
    }

    /** Removes the lines that pass the test, keeping the others in order. */
    void removeIf(LineTest test) {
        int outLines = 0;
        int outPoints = 0;
        for (int k = 0; k < lines; k++) {
            int s = starts[k];
            int e = k + 1 < lines ? starts[k + 1] : points;
            if (test.test(s, e, closed[k])) {
                continue;
            }
            System.arraycopy(xy, 2 * s, xy, 2 * outPoints, 2 * (e - s));
            starts[outLines] = outPoints;
            closed[outLines] = closed[k];
            tags[outLines] = tags[k];
            outLines++;
            outPoints += e - s;
        }
        lines = outLines;
        points = outPoints;
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
