package org.gsweather.render;

import org.gsweather.grid.GaussianGrid;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.Grid;
import org.gsweather.grid.Mercator;
import org.gsweather.grid.RegularGrid;

/**
 * Fractional source-grid index of every output pixel: the output CRS's inverse projection followed by
 * the grid's {@link Grid#index}. Computed exactly at the corners of 16-pixel blocks and interpolated
 * inside a block when the interpolation error, checked at the block's centre and edge midpoints, stays
 * below {@value #MAX_ERROR_PX} output pixel; otherwise the block is split, down to exact pixels. Not
 * thread-safe: one per thread, reused from tile to tile.
 */
final class InverseMapping {
    static final int BLOCK = 16;
    static final double MAX_ERROR_PX = 0.1;
    /** The bound checked at the test points: the error between them can be a little larger. */
    private static final double CHECKED_ERROR_PX = 0.075;

    private final double[] ll = new double[2];
    private final double[] ij = new double[2];
    private double[] cornerI = new double[0];
    private double[] cornerJ = new double[0];
    private double[] hMidI = new double[0];
    private double[] hMidJ = new double[0];
    private double[] vMidI = new double[0];
    private double[] vMidJ = new double[0];

    private Grid grid;
    private View view;
    private float[] fi;
    private float[] fj;
    private double period;

    /**
     * Writes the fractional column and row of each pixel's centre, row-major, into {@code fi} and {@code
     * fj}; NaN where the point has no image in the grid's projection. For grids round the globe the
     * column is continuous across the seam and must be taken modulo {@link #period(Grid)}.
     */
    void map(Grid grid, View view, float[] fi, float[] fj) {
        lastSeparable = separable(grid, view.crs());
        if (!lastSeparable) {
            mapRows(grid, view, fi, fj, 0, (view.height() + BLOCK - 1) / BLOCK);
            return;
        }
        this.grid = grid;
        this.view = view;
        this.fi = fi;
        this.fj = fj;
        this.period = period(grid);
        mapSeparable(view.width(), view.height(), fi != null);
        this.grid = null;
        this.view = null;
        this.fi = null;
        this.fj = null;
    }

    /**
     * {@link #map} of the pixel rows from {@code blockRow0 * BLOCK} to {@code blockRow1 * BLOCK} (or the view's last
     * row) only, for a mapping that is not {@link #separable}: the same values as {@code map} writes there, so that
     * several of these, one per thread, fill one view together.
     */
    void mapRows(Grid grid, View view, float[] fi, float[] fj, int blockRow0, int blockRow1) {
        this.grid = grid;
        this.view = view;
        this.fi = fi;
        this.fj = fj;
        this.period = period(grid);
        mapRows(blockRow0, blockRow1);
        this.grid = null;
        this.view = null;
        this.fi = null;
        this.fj = null;
    }

    private void mapRows(int blockRow0, int blockRow1) {
        int cw = (view.width() + BLOCK - 1) / BLOCK + 1;
        int ch = blockRow1 - blockRow0 + 1; // corner rows
        if (cornerI.length < cw * ch) {
            cornerI = new double[cw * ch];
            cornerJ = new double[cw * ch];
            // midpoints of the horizontal edges (right of each corner) and vertical edges (below it)
            hMidI = new double[cw * ch];
            hMidJ = new double[cw * ch];
            vMidI = new double[cw * ch];
            vMidJ = new double[cw * ch];
        }
        int half = BLOCK / 2;
        for (int r = 0; r < ch; r++) {
            int by = blockRow0 + r;
            for (int bx = 0; bx < cw; bx++) {
                int k = r * cw + bx;
                exact(bx * BLOCK, by * BLOCK);
                cornerI[k] = ij[0];
                cornerJ[k] = ij[1];
                if (bx + 1 < cw) {
                    exact(bx * BLOCK + half, by * BLOCK);
                    hMidI[k] = ij[0];
                    hMidJ[k] = ij[1];
                }
                if (r + 1 < ch) {
                    exact(bx * BLOCK, by * BLOCK + half);
                    vMidI[k] = ij[0];
                    vMidJ[k] = ij[1];
                }
            }
        }
        for (int r = 0; r < ch - 1; r++) {
            int by = blockRow0 + r;
            for (int bx = 0; bx < cw - 1; bx++) {
                int k = r * cw + bx;
                block(
                        bx * BLOCK,
                        by * BLOCK,
                        BLOCK,
                        cornerI[k],
                        cornerJ[k],
                        cornerI[k + 1],
                        cornerJ[k + 1],
                        cornerI[k + cw],
                        cornerJ[k + cw],
                        cornerI[k + cw + 1],
                        cornerJ[k + cw + 1],
                        hMidI[k],
                        hMidJ[k],
                        vMidI[k],
                        vMidJ[k],
                        vMidI[k + 1],
                        vMidJ[k + 1],
                        hMidI[k + cw],
                        hMidJ[k + cw]);
            }
        }
    }

    /**
     * Whether the column depends on the longitude only and the row on the latitude only, and the output
     * CRS's longitude on x only and latitude on y only: lat/lon or Gaussian grids drawn in a cylindrical
     * CRS (EPSG:4326, EPSG:3857, CRS:84). Then every column and every row is computed exactly once.
     */
    static boolean separable(Grid grid, OutputCrs crs) {
        boolean cylindrical = crs.projection() instanceof Geographic || crs.projection() instanceof Mercator;
        boolean latLonGrid =
                grid instanceof GaussianGrid || (grid instanceof RegularGrid g && g.projection() instanceof Geographic);
        return cylindrical && latLonGrid;
    }

    private double[] columnI = new double[0];
    private double[] rowJ = new double[0];

    private boolean lastSeparable;

    /**
     * Like {@link #map} but, when the mapping is {@link #separable}, computes only the column of each
     * pixel column and the row of each pixel row ({@link #columns()}, {@link #rows()}) and returns true;
     * otherwise fills {@code fi} and {@code fj} and returns false.
     */
    boolean mapOrSeparate(Grid grid, View view, float[] fi, float[] fj) {
        if (separable(grid, view.crs())) {
            this.grid = grid;
            this.view = view;
            mapSeparable(view.width(), view.height(), false);
            this.grid = null;
            this.view = null;
            return true;
        }
        map(grid, view, fi, fj);
        return false;
    }

    /** The fractional grid column of each pixel column, after a separable mapping. */
    double[] columns() {
        return columnI;
    }

    /** The fractional grid row of each pixel row, after a separable mapping. */
    double[] rows() {
        return rowJ;
    }

    private void mapSeparable(int w, int h, boolean fill) {
        if (columnI.length < w || rowJ.length < h) {
            columnI = new double[Math.max(w, columnI.length)];
            rowJ = new double[Math.max(h, rowJ.length)];
        }
        OutputCrs crs = view.crs();
        double midY = view.y(0.5 * (h - 1));
        double midX = view.x(0.5 * (w - 1));
        crs.inverse(midX, midY, ll);
        double lonMid = ll[0];
        double latMid = ll[1];
        for (int px = 0; px < w; px++) {
            crs.inverse(view.x(px), midY, ll);
            grid.index(ll[0], latMid, ij);
            columnI[px] = ij[0];
        }
        for (int py = 0; py < h; py++) {
            crs.inverse(midX, view.y(py), ll);
            grid.index(lonMid, ll[1], ij);
            rowJ[py] = ij[1];
        }
        exactCount += w + h;
        if (!fill) {
            return;
        }
        for (int py = 0; py < h; py++) {
            float j = (float) rowJ[py];
            int row = py * w;
            for (int px = 0; px < w; px++) {
                fi[row + px] = (float) columnI[px];
                fj[row + px] = j;
            }
        }
    }

    /** Columns per turn of the globe for grids that wrap in longitude, NaN otherwise. */
    static double period(Grid grid) {
        if (!grid.wrapsLongitude()) {
            return Double.NaN;
        }
        if (grid instanceof RegularGrid g) {
            return 360.0 / Math.abs(g.dx());
        }
        return 360.0 / Math.abs(((GaussianGrid) grid).dlon());
    }

    /** Exact evaluations since construction, for tests and tuning. */
    long exactCount;

    private void exact(double px, double py) {
        exactCount++;
        view.crs().inverse(view.x(px), view.y(py), ll);
        if (Double.isNaN(ll[0]) || Double.isNaN(ll[1])) {
            ij[0] = Double.NaN;
            ij[1] = Double.NaN;
            return;
        }
        grid.index(ll[0], ll[1], ij);
    }

    private double unwrap(double i, double reference) {
        if (period == period && Math.abs(i - reference) > 0.5 * period) {
            return i - period * Math.rint((i - reference) / period);
        }
        return i;
    }

    /**
     * Fills a block whose corners (00 top left, 10 top right, 01 bottom left, 11 bottom right) and edge
     * midpoints (t top, l left, r right, b bottom) are exact: interpolated when the centre and the
     * midpoints all lie within the error bound of the corners' bilinear interpolation, else split.
     */
    private void block(
            int x0,
            int y0,
            int b,
            double i00,
            double j00,
            double i10,
            double j10,
            double i01,
            double j01,
            double i11,
            double j11,
            double ti,
            double tj,
            double li,
            double lj,
            double ri,
            double rj,
            double bi,
            double bj) {
        int w = view.width();
        int h = view.height();
        if (x0 >= w || y0 >= h) {
            return;
        }
        boolean nan =
                Double.isNaN(i00 + j00 + i10 + j10 + i01 + j01 + i11 + j11 + ti + tj + li + lj + ri + rj + bi + bj);
        if (nan || b <= 2) {
            exactBlock(x0, y0, b);
            return;
        }
        i10 = unwrap(i10, i00);
        i01 = unwrap(i01, i00);
        i11 = unwrap(i11, i00);
        ti = unwrap(ti, i00);
        li = unwrap(li, i00);
        ri = unwrap(ri, i00);
        bi = unwrap(bi, i00);
        int half = b / 2;
        exact(x0 + half, y0 + half);
        double ci = unwrap(ij[0], i00);
        double cj = ij[1];
        if (Double.isNaN(ci + cj)) {
            exactBlock(x0, y0, b);
            return;
        }
        double limit = CHECKED_ERROR_PX * smallestStretch(i10 - i00, j10 - j00, i01 - i00, j01 - j00) / b;
        boolean fine = off(ci, cj, 0.25 * (i00 + i10 + i01 + i11), 0.25 * (j00 + j10 + j01 + j11)) <= limit
                && off(ti, tj, 0.5 * (i00 + i10), 0.5 * (j00 + j10)) <= limit
                && off(bi, bj, 0.5 * (i01 + i11), 0.5 * (j01 + j11)) <= limit
                && off(li, lj, 0.5 * (i00 + i01), 0.5 * (j00 + j01)) <= limit
                && off(ri, rj, 0.5 * (i10 + i11), 0.5 * (j10 + j11)) <= limit;
        if (fine) {
            interpolate(x0, y0, b, i00, j00, i10, j10, i01, j01, i11, j11);
            return;
        }
        int q = half / 2;
        double[] m = new double[16]; // the sub-blocks' edge midpoints, each shared by two sub-blocks
        point(x0 + q, y0, m, 0, i00);
        point(x0 + half + q, y0, m, 2, i00);
        point(x0, y0 + q, m, 4, i00);
        point(x0 + half, y0 + q, m, 6, i00);
        point(x0 + b, y0 + q, m, 8, i00);
        point(x0 + q, y0 + half, m, 10, i00);
        point(x0 + half + q, y0 + half, m, 12, i00);
        point(x0, y0 + half + q, m, 14, i00);
        double[] n = new double[8];
        point(x0 + half, y0 + half + q, n, 0, i00);
        point(x0 + b, y0 + half + q, n, 2, i00);
        point(x0 + q, y0 + b, n, 4, i00);
        point(x0 + half + q, y0 + b, n, 6, i00);
        block(x0, y0, half, i00, j00, ti, tj, li, lj, ci, cj, m[0], m[1], m[4], m[5], m[6], m[7], m[10], m[11]);
        block(x0 + half, y0, half, ti, tj, i10, j10, ci, cj, ri, rj, m[2], m[3], m[6], m[7], m[8], m[9], m[12], m[13]);
        block(
                x0, y0 + half, half, li, lj, ci, cj, i01, j01, bi, bj, m[10], m[11], m[14], m[15], n[0], n[1], n[4],
                n[5]);
        block(
                x0 + half, y0 + half, half, ci, cj, ri, rj, bi, bj, i11, j11, m[12], m[13], n[0], n[1], n[2], n[3],
                n[6], n[7]);
    }

    private void point(double px, double py, double[] out, int at, double reference) {
        exact(px, py);
        out[at] = unwrap(ij[0], reference);
        out[at + 1] = ij[1];
    }

    /**
     * The smallest singular value of the 2x2 matrix of columns (a, c) and (b, d): the least grid distance
     * one output unit can map to, so that a grid-space error divided by it bounds the error in pixels
     * even where the mapping shears (near a geostationary limb).
     */
    static double smallestStretch(double a, double c, double b, double d) {
        double frobenius = a * a + b * b + c * c + d * d;
        double det = Math.abs(a * d - b * c);
        double root = Math.sqrt(Math.max(0, frobenius * frobenius - 4 * det * det));
        return Math.sqrt(Math.max(0, 0.5 * (frobenius - root)));
    }

    private static double off(double i, double j, double ei, double ej) {
        return Math.hypot(i - ei, j - ej);
    }

    private void interpolate(
            int x0,
            int y0,
            int b,
            double i00,
            double j00,
            double i10,
            double j10,
            double i01,
            double j01,
            double i11,
            double j11) {
        int w = view.width();
        int xEnd = Math.min(x0 + b, w);
        int yEnd = Math.min(y0 + b, view.height());
        double inv = 1.0 / b;
        for (int py = y0; py < yEnd; py++) {
            double t = (py - y0) * inv;
            double li = i00 + t * (i01 - i00), lj = j00 + t * (j01 - j00);
            double ri = i10 + t * (i11 - i10), rj = j10 + t * (j11 - j10);
            double di = (ri - li) * inv, dj = (rj - lj) * inv;
            int row = py * w;
            for (int px = x0; px < xEnd; px++) {
                int s = px - x0;
                fi[row + px] = (float) (li + s * di);
                fj[row + px] = (float) (lj + s * dj);
            }
        }
    }

    private void exactBlock(int x0, int y0, int b) {
        int w = view.width();
        int xEnd = Math.min(x0 + b, w);
        int yEnd = Math.min(y0 + b, view.height());
        for (int py = y0; py < yEnd; py++) {
            for (int px = x0; px < xEnd; px++) {
                exact(px, py);
                fi[py * w + px] = (float) ij[0];
                fj[py * w + px] = (float) ij[1];
            }
        }
    }
}
