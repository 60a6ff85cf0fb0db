package org.gsweather.render;

import org.gsweather.grid.GaussianGrid;
import org.gsweather.grid.Grid;
import org.gsweather.grid.RegularGrid;

/**
 * Fractional source-grid index of every output pixel: the output CRS's inverse projection followed by
 * the grid's {@link Grid#index}. Computed exactly at the corners of 16-pixel blocks and interpolated
 * inside a block when the interpolation error, checked at the block's centre, stays below {@value
 * #MAX_ERROR_PX} output pixel; otherwise the block is split, down to exact pixels. Not thread-safe: one
 * per thread, reused from tile to tile.
 */
final class InverseMapping {
    static final int BLOCK = 16;
    static final double MAX_ERROR_PX = 0.1;

    private final double[] ll = new double[2];
    private final double[] ij = new double[2];
    private double[] cornerI = new double[0];
    private double[] cornerJ = new double[0];

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
        this.grid = grid;
        this.view = view;
        this.fi = fi;
        this.fj = fj;
        this.period = period(grid);
        int w = view.width();
        int h = view.height();
        int cw = (w + BLOCK - 1) / BLOCK + 1;
        int ch = (h + BLOCK - 1) / BLOCK + 1;
        if (cornerI.length < cw * ch) {
            cornerI = new double[cw * ch];
            cornerJ = new double[cw * ch];
        }
        for (int by = 0; by < ch; by++) {
            for (int bx = 0; bx < cw; bx++) {
                exact(bx * BLOCK, by * BLOCK);
                cornerI[by * cw + bx] = ij[0];
                cornerJ[by * cw + bx] = ij[1];
            }
        }
        for (int by = 0; by < ch - 1; by++) {
            for (int bx = 0; bx < cw - 1; bx++) {
                int k = by * cw + bx;
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
                        cornerJ[k + cw + 1]);
            }
        }
        this.grid = null;
        this.view = null;
        this.fi = null;
        this.fj = null;
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

    private void exact(double px, double py) {
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
            double j11) {
        int w = view.width();
        int h = view.height();
        if (x0 >= w || y0 >= h) {
            return;
        }
        boolean nan = Double.isNaN(i00 + j00 + i10 + j10 + i01 + j01 + i11 + j11);
        if (nan || b <= 2) {
            exactBlock(x0, y0, b);
            return;
        }
        i10 = unwrap(i10, i00);
        i01 = unwrap(i01, i00);
        i11 = unwrap(i11, i00);
        int half = b / 2;
        exact(x0 + half, y0 + half);
        double ci = unwrap(ij[0], i00);
        double cj = ij[1];
        double ei = ci - 0.25 * (i00 + i10 + i01 + i11);
        double ej = cj - 0.25 * (j00 + j10 + j01 + j11);
        double gridPerPixel = Math.min(Math.hypot(i10 - i00, j10 - j00), Math.hypot(i01 - i00, j01 - j00)) / b;
        double errorPx = Math.hypot(ei, ej) / gridPerPixel;
        if (errorPx <= MAX_ERROR_PX) {
            interpolate(x0, y0, b, i00, j00, i10, j10, i01, j01, i11, j11);
            return;
        }
        if (Double.isNaN(ci)) {
            exactBlock(x0, y0, b);
            return;
        }
        exact(x0 + half, y0);
        double ti = unwrap(ij[0], i00), tj = ij[1];
        exact(x0, y0 + half);
        double li = unwrap(ij[0], i00), lj = ij[1];
        exact(x0 + b, y0 + half);
        double ri = unwrap(ij[0], i00), rj = ij[1];
        exact(x0 + half, y0 + b);
        double bi = unwrap(ij[0], i00), bj = ij[1];
        block(x0, y0, half, i00, j00, ti, tj, li, lj, ci, cj);
        block(x0 + half, y0, half, ti, tj, i10, j10, ci, cj, ri, rj);
        block(x0, y0 + half, half, li, lj, ci, cj, i01, j01, bi, bj);
        block(x0 + half, y0 + half, half, ci, cj, ri, rj, bi, bj, i11, j11);
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
