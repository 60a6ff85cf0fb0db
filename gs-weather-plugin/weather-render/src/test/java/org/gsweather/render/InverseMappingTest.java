package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.gsweather.grid.Grid;
import org.junit.jupiter.api.Test;

/**
 * The block interpolation of grid indices stays within 0.1 output pixel of the exact inverse
 * projection at every pixel, for grids and output CRSs where the mapping bends most.
 */
class InverseMappingTest {

    /** Largest distance, in output pixels, between interpolated and exact grid positions. */
    private static double worstErrorPx(Grid grid, View view) {
        int w = view.width(), h = view.height();
        float[] fi = new float[w * h], fj = new float[w * h];
        new InverseMapping().map(grid, view, fi, fj);
        double period = InverseMapping.period(grid);
        double[] ll = new double[2], ij = new double[2], right = new double[2], down = new double[2];
        double worst = 0;
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                view.crs().inverse(view.x(px), view.y(py), ll);
                grid.index(ll[0], ll[1], ij);
                if (Double.isNaN(ij[0]) || Double.isNaN(fi[py * w + px])) {
                    assertThat(Double.isNaN(ij[0]) == Double.isNaN(fi[py * w + px]))
                            .as("NaN at the same pixels (%d, %d)", px, py)
                            .isTrue();
                    continue;
                }
                view.crs().inverse(view.x(px + 1), view.y(py), ll);
                grid.index(ll[0], ll[1], right);
                view.crs().inverse(view.x(px), view.y(py + 1), ll);
                grid.index(ll[0], ll[1], down);
                double di = fi[py * w + px] - ij[0];
                double dxi = right[0] - ij[0];
                double dyi = down[0] - ij[0];
                if (period == period) {
                    di -= period * Math.rint(di / period);
                    dxi -= period * Math.rint(dxi / period);
                    dyi -= period * Math.rint(dyi / period);
                }
                double dj = fj[py * w + px] - ij[1];
                // solve [dxi dyi; dxj dyj] * (ex, ey) = (di, dj) for the error in pixels
                double a = dxi, b = dyi, c = right[1] - ij[1], d = down[1] - ij[1];
                double det = a * d - b * c;
                if (det == 0 || Double.isNaN(det)) {
                    continue;
                }
                double ex = (d * di - b * dj) / det;
                double ey = (-c * di + a * dj) / det;
                double e = Math.hypot(ex, ey);
                worst = Math.max(worst, e);
            }
        }
        return worst;
    }

    @Test
    void lambertGridInWebMercator() {
        Grid g = Sources.field(Sources.HRRR_TMP, 1).grid();
        assertThat(worstErrorPx(g, TileMatrixSet.WEB_MERCATOR_QUAD.tile(3, 1, 2, 256)))
                .isLessThanOrEqualTo(0.1);
        assertThat(worstErrorPx(g, TileMatrixSet.WEB_MERCATOR_QUAD.tile(9, 120, 200, 256)))
                .isLessThanOrEqualTo(0.1);
    }

    @Test
    void globalLatLonGridInPolarStereographic() {
        Grid g = Sources.field(Sources.GFS, "TMP", "500 hPa").grid();
        assertThat(worstErrorPx(g, View.of("EPSG:3413", -3e6, -3e6, 3e6, 3e6, 512, 512)))
                .isLessThanOrEqualTo(0.1);
        assertThat(worstErrorPx(g, View.of("EPSG:3031", -4e6, -4e6, 4e6, 4e6, 256, 256)))
                .isLessThanOrEqualTo(0.1);
    }

    @Test
    void geostationaryGridInWebMercatorAndWgs84() {
        Grid g = Sources.field(Sources.GOES_CONUS, 1).grid();
        assertThat(worstErrorPx(g, TileMatrixSet.WEB_MERCATOR_QUAD.tile(2, 0, 1, 256)))
                .isLessThanOrEqualTo(0.1);
        assertThat(worstErrorPx(g, View.of("EPSG:4326", -180, 10, -60, 60, 512, 256)))
                .isLessThanOrEqualTo(0.1);
    }

    @Test
    void rotatedGridInLambertOutput() {
        Grid g = Sources.field(Sources.HRDPS, 1).grid();
        assertThat(worstErrorPx(g, View.of("EPSG:3978", -3e6, -1e6, 3e6, 4e6, 384, 320)))
                .isLessThanOrEqualTo(0.1);
    }
}
