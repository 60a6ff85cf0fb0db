package org.gsweather.render;

import java.util.Arrays;

/**
 * Isolines of one level on a lattice of values (row-major, {@code nx} by {@code ny}, NaN where
 * missing), as polylines in lattice coordinates: a point on the edge between nodes {@code (a, b)} and
 * {@code (a + 1, b)} has x between a and a + 1. Cells with a missing corner have no line. Saddle cells
 * (two opposite corners above the level, two below) are resolved by the mean of the four corners, so
 * the result does not depend on the order cells are visited. Not thread-safe; reused.
 */
final class MarchingSquares {
    /** Per cell case: pairs of edges joined (0 bottom (b), 1 right (a+1), 2 top (b+1), 3 left (a)). */
    private static final int[][] CASES = {
        {}, {3, 0}, {0, 1}, {3, 1}, {1, 2}, {}, {0, 2}, {3, 2}, {2, 3}, {2, 0}, {}, {2, 1}, {1, 3}, {1, 0}, {0, 3}, {}
    };

    private int[] linkA = new int[0];
    private int[] linkB = new int[0];
    private double[] ex = new double[0];
    private double[] ey = new double[0];
    private int[] touched = new int[1024];
    private int touchedCount;
    private boolean[] used = new boolean[0];

    private float[] values;
    private int nx;
    private double[] levels;
    private int[] cellStart = new int[0];
    private int[] cells = new int[0];
    private double evenStep;

    private static double evenStep(double[] levels) {
        int n = levels.length;
        if (n < 3) {
            return 0;
        }
        double step = (levels[n - 1] - levels[0]) / (n - 1);
        for (int k = 1; k < n; k++) {
            if (Math.abs(levels[k] - levels[k - 1] - step) > 1e-6 * step) {
                return 0;
            }
        }
        return step;
    }

    /**
     * Indexes the cells of a lattice by the levels that cross them (those {@code L} with min <= L < max
     * of the cell's corners), so that {@link #contour(int, Polylines)} visits only those cells.
     *
     * @param levels ascending
     */
    void prepare(float[] v, int nx, int ny, double[] levels) {
        this.values = v;
        this.nx = nx;
        this.levels = levels;
        evenStep = evenStep(levels);
        int edges = 2 * nx * ny;
        if (linkA.length < edges) {
            linkA = new int[edges];
            linkB = new int[edges];
            ex = new double[edges];
            ey = new double[edges];
            used = new boolean[edges];
            Arrays.fill(linkA, -1);
            Arrays.fill(linkB, -1);
        }
        int n = levels.length;
        if (cellStart.length < n + 2) {
            cellStart = new int[n + 2];
        }
        Arrays.fill(cellStart, 0, n + 2, 0);
        // counting sort of (cell, level) pairs by level: count, then place
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                for (int k = 0; k < n; k++) {
                    cellStart[k + 1] += cellStart[k];
                }
                if (cells.length < cellStart[n]) {
                    cells = new int[cellStart[n] + cellStart[n] / 2];
                }
                System.arraycopy(cellStart, 0, cellStart, 1, n); // cellStart[k + 1] now fills level k
                cellStart[0] = 0;
            }
            for (int b = 0; b < ny - 1; b++) {
                for (int a = 0; a < nx - 1; a++) {
                    int n00 = b * nx + a;
                    float v00 = v[n00], v10 = v[n00 + 1], v01 = v[n00 + nx], v11 = v[n00 + nx + 1];
                    float lo = Math.min(Math.min(v00, v10), Math.min(v01, v11));
                    float hi = Math.max(Math.max(v00, v10), Math.max(v01, v11));
                    if (!(lo < hi)) {
                        continue; // flat, or a corner is missing (NaN)
                    }
                    for (int k = firstAtOrAbove(lo, n); k < n && levels[k] < hi; k++) {
                        if (pass == 0) {
                            cellStart[k + 1]++;
                        } else {
                            cells[cellStart[k + 1]++] = n00;
                        }
                    }
                }
            }
        }
    }

    /** The first level index k with levels[k] >= v; a guess for even spacing, then a search. */
    private int firstAtOrAbove(double v, int n) {
        if (evenStep > 0) {
            double f = Math.ceil((v - levels[0]) / evenStep);
            int k = f <= 0 ? 0 : f >= n ? n : (int) f;
            while (k > 0 && levels[k - 1] >= v) {
                k--;
            }
            while (k < n && levels[k] < v) {
                k++;
            }
            return k;
        }
        int lo = 0;
        int hi = levels.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (levels[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Adds the polylines of level {@code k} of {@link #prepare} to {@code out}. Edge points are
     * identified by edge number: {@code 2 * (b * nx + a)} for the edge from node (a, b) to (a + 1, b),
     * plus one for the edge to (a, b + 1), which links the segments of neighbouring cells.
     */
    void contour(int k, Polylines out) {
        float[] v = values;
        int nx = this.nx;
        double level = levels[k];
        touchedCount = 0;
        int end = cellStart[k + 1];
        for (int q = cellStart[k]; q < end; q++) {
            int n00 = cells[q];
            int a = n00 % nx;
            int b = n00 / nx;
            float v00 = v[n00], v10 = v[n00 + 1], v01 = v[n00 + nx], v11 = v[n00 + nx + 1];
            int c = (v00 > level ? 1 : 0) | (v10 > level ? 2 : 0) | (v11 > level ? 4 : 0) | (v01 > level ? 8 : 0);
            if (c == 0 || c == 15) {
                continue;
            }
            if (c == 5 || c == 10) {
                boolean centreAbove = 0.25 * ((double) v00 + v10 + v01 + v11) > level;
                // 5: corners 00 and 11 above. Centre above joins them: lines cut off corners 10 and 01
                if (c == 5) {
                    join(a, b, nx, level, v, centreAbove ? 0 : 3, centreAbove ? 1 : 0);
                    join(a, b, nx, level, v, centreAbove ? 2 : 1, centreAbove ? 3 : 2);
                } else {
                    join(a, b, nx, level, v, centreAbove ? 3 : 0, centreAbove ? 0 : 1);
                    join(a, b, nx, level, v, centreAbove ? 1 : 2, centreAbove ? 2 : 3);
                }
                continue;
            }
            int[] e = CASES[c];
            join(a, b, nx, level, v, e[0], e[1]);
        }
        trace(out);
    }

    /** Links the crossing points on two edges of cell (a, b). */
    private void join(int a, int b, int nx, double level, float[] v, int e0, int e1) {
        int p = point(a, b, nx, level, v, e0);
        int q = point(a, b, nx, level, v, e1);
        link(p, q);
        link(q, p);
    }

    private void link(int from, int to) {
        if (linkA[from] < 0) {
            linkA[from] = to;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, 2 * touchedCount);
            }
            touched[touchedCount++] = from;
        } else {
            linkB[from] = to;
        }
    }

    /** The id of the crossing on edge {@code e} of cell (a, b), computing its position. */
    private int point(int a, int b, int nx, double level, float[] v, int e) {
        int na, nb;
        boolean horizontal;
        switch (e) {
            case 0 -> {
                na = a;
                nb = b;
                horizontal = true;
            }
            case 1 -> {
                na = a + 1;
                nb = b;
                horizontal = false;
            }
            case 2 -> {
                na = a;
                nb = b + 1;
                horizontal = true;
            }
            default -> {
                na = a;
                nb = b;
                horizontal = false;
            }
        }
        int node = nb * nx + na;
        int id = 2 * node + (horizontal ? 0 : 1);
        if (linkA[id] < 0) {
            double v0 = v[node];
            double v1 = horizontal ? v[node + 1] : v[node + nx];
            double t = (level - v0) / (v1 - v0);
            ex[id] = horizontal ? na + t : na;
            ey[id] = horizontal ? nb : nb + t;
        }
        return id;
    }

    private void trace(Polylines out) {
        // open lines start at points with one link
        for (int k = 0; k < touchedCount; k++) {
            int p = touched[k];
            if (!used[p] && linkB[p] < 0) {
                follow(p, false, out);
            }
        }
        for (int k = 0; k < touchedCount; k++) {
            int p = touched[k];
            if (!used[p]) {
                follow(p, true, out);
            }
        }
        for (int k = 0; k < touchedCount; k++) {
            int p = touched[k];
            linkA[p] = -1;
            linkB[p] = -1;
            used[p] = false;
        }
    }

    private void follow(int start, boolean closed, Polylines out) {
        out.begin(closed);
        int prev = -1;
        int p = start;
        while (p >= 0 && !used[p]) {
            used[p] = true;
            out.add(ex[p], ey[p]);
            int next = linkA[p] != prev ? linkA[p] : linkB[p];
            if (linkA[p] == linkB[p]) {
                next = prev < 0 ? linkA[p] : -1;
            }
            prev = p;
            p = next;
        }
        out.endLine();
    }
}
