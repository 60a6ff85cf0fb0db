package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.Grid;
import org.gsweather.grid.RegularGrid;
import org.junit.jupiter.api.Test;

/**
 * The color of a rendered pixel is the ramp color of the field's value at that pixel's longitude and
 * latitude, where PROJ (cs2cs) computes the longitude/latitude of the pixel centre and, for projected
 * grids, the projected coordinates in the grid's projection; for each grid template of the test data.
 */
class RampValuesTest {
    private final TileRenderer renderer = new TileRenderer();

    /**
     * Renders with nearest sampling, then checks every 9th pixel (both axes) whose position is not
     * within 0.02 grid cells of the boundary between two grid points.
     */
    private void assertPixelsCarryTheirValues(GridValues field, String style, View view, String outputProj) {
        RampStyle ramp = (RampStyle) StyleParser.parse(style).get(0);
        ColorRamp colors = ColorRamp.of(ramp, field.units());
        byte[] png = renderer.renderPng(FieldSource.of(field), List.of(ramp), view);
        int[] px = Images.decode(png, view.width(), view.height());
        List<int[]> pixels = new ArrayList<>();
        List<double[]> xy = new ArrayList<>();
        for (int py = 4; py < view.height(); py += 9) {
            for (int x = 4; x < view.width(); x += 9) {
                pixels.add(new int[] {x, py});
                xy.add(new double[] {view.x(x), view.y(py)});
                xy.add(new double[] {view.x(x + 1), view.y(py)});
                xy.add(new double[] {view.x(x), view.y(py + 1)});
            }
        }
        double[][] lonLat = Proj.transform(outputProj, Proj.WGS84, xy.toArray(new double[0][]));
        Grid grid = field.grid();
        double[][] ij = gridIndices(grid, lonLat);
        int checked = 0;
        int inside = 0;
        for (int k = 0; k < pixels.size(); k++) {
            double i = ij[3 * k][0];
            double j = ij[3 * k][1];
            // the sampler may place a pixel up to 0.1 output pixel off: skip pixels that close to a cell boundary
            double cellsPerPixel = Math.max(
                    Math.max(Math.abs(wrapped(ij[3 * k + 1][0] - i, grid)), Math.abs(ij[3 * k + 1][1] - j)),
                    Math.max(Math.abs(wrapped(ij[3 * k + 2][0] - i, grid)), Math.abs(ij[3 * k + 2][1] - j)));
            double margin = 0.1 * cellsPerPixel + 0.002;
            if (grid.wrapsLongitude()) {
                i = ((i % grid.nx()) + grid.nx()) % grid.nx();
            }
            double fi = i - Math.floor(i), fj = j - Math.floor(j);
            if (Math.abs(fi - 0.5) < margin || Math.abs(fj - 0.5) < margin || Double.isNaN(i)) {
                continue;
            }
            int ci = (int) Math.floor(i + 0.5);
            int cj = (int) Math.floor(j + 0.5);
            if (grid.wrapsLongitude() && ci == grid.nx()) {
                ci = 0;
            }
            boolean in = ci >= 0 && ci < grid.nx() && cj >= 0 && cj < grid.ny();
            float value = in ? field.values()[cj * grid.nx() + ci] : Float.NaN;
            int expected = colors.color(value);
            int actual = px[pixels.get(k)[1] * view.width() + pixels.get(k)[0]];
            if ((expected >>> 24) == 0) {
                expected = 0;
            }
            assertThat(Argb.format(actual))
                    .as(
                            "pixel %s at lon/lat %.5f %.5f, grid index %.3f %.3f, value %s",
                            java.util.Arrays.toString(pixels.get(k)), lonLat[3 * k][0], lonLat[3 * k][1], i, j, value)
                    .isEqualTo(Argb.format(expected));
            checked++;
            inside += in && value == value ? 1 : 0;
        }
        assertThat(checked).isGreaterThan(pixels.size() / 2);
        assertThat(inside).as("pixels with a value").isGreaterThan(pixels.size() / 3);
    }

    private static double wrapped(double di, Grid grid) {
        return grid.wrapsLongitude() ? di - grid.nx() * Math.rint(di / grid.nx()) : di;
    }

    /** Grid indices, by PROJ for grids regular in a projection, by the grid model otherwise. */
    private static double[][] gridIndices(Grid grid, double[][] lonLat) {
        double[][] ij = new double[lonLat.length][2];
        if (grid instanceof RegularGrid g && !(g.projection() instanceof Geographic)) {
            String geographic = "+proj=longlat " + g.projection().ellipsoid().toProj() + " +no_defs";
            double[][] xy = Proj.transform(geographic, g.projection().toProj(), lonLat);
            for (int k = 0; k < xy.length; k++) {
                double dx = xy[k][0] - g.x0();
                if (g.projection() instanceof org.gsweather.grid.RotatedPole) { // rotated longitudes: mod 360
                    double middle = g.dx() * (g.nx() - 1) / 2;
                    dx = dx - middle - 360 * Math.rint((dx - middle) / 360) + middle;
                }
                ij[k][0] = dx / g.dx();
                ij[k][1] = (xy[k][1] - g.y0()) / g.dy();
            }
            return ij;
        }
        double[] out = new double[2];
        for (int k = 0; k < lonLat.length; k++) {
            grid.index(lonLat[k][0], lonLat[k][1], out);
            ij[k][0] = out[0];
            ij[k][1] = out[1];
        }
        return ij;
    }

    private static View tileAround(GridValues f, int zoom) {
        double[] ll = new double[2];
        f.grid().lonLat(f.grid().nx() / 2.0, f.grid().ny() / 2.0, ll);
        double lon = ((ll[0] + 180) % 360 + 360) % 360 - 180;
        int n = 1 << zoom;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double y = (1 - Math.log(Math.tan(Math.toRadians(ll[1])) + 1 / Math.cos(Math.toRadians(ll[1]))) / Math.PI) / 2;
        return TileMatrixSet.WEB_MERCATOR_QUAD.tile(zoom, x, (int) Math.floor(y * n), 256);
    }

    @Test
    void regularLatLonGlobal0To360InWebMercator() {
        GridValues f = Sources.field(Sources.GFS, "TMP", "850 hPa");
        assertPixelsCarryTheirValues(
                f,
                "ramp:temperature,units=degC",
                TileMatrixSet.WEB_MERCATOR_QUAD.tile(2, 1, 1, 256),
                Proj.WEB_MERCATOR);
    }

    @Test
    void regularLatLonInWgs84AcrossTheAntimeridian() {
        GridValues f = Sources.field(Sources.GFS, "TMP", "500 hPa");
        View v = View.of("EPSG:4326", 150, -40, 180, -10, 256, 256);
        assertPixelsCarryTheirValues(f, "ramp:temperature,units=degC", v, Proj.WGS84);
    }

    @Test
    void regularLatLonInPolarStereographicNorth() {
        GridValues f = Sources.field(Sources.GFS, "TMP", "500 hPa");
        View v = View.of("EPSG:3413", -4e6, -4e6, 4e6, 4e6, 256, 256);
        assertPixelsCarryTheirValues(
                f,
                "ramp:temperature,units=degC",
                v,
                "+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs");
    }

    @Test
    void gaussianInWgs84() {
        GridValues f = Sources.field(Sources.GAUSSIAN, 1);
        assertPixelsCarryTheirValues(
                f,
                "ramp:temperature,units=degC,min=-90,max=-30",
                View.of("EPSG:4326", -30, 20, 40, 90, 256, 256),
                Proj.WGS84);
    }

    @Test
    void lambertConformalHrrrInWebMercator() {
        GridValues f = Sources.field(Sources.HRRR_TMP, 1);
        assertPixelsCarryTheirValues(f, "ramp:temperature,units=degC", tileAround(f, 6), Proj.WEB_MERCATOR);
    }

    @Test
    void lambertConformalNamInLambertOutput() {
        GridValues f = Sources.field(Sources.NAM, "TMP", "500 hPa");
        View v = View.of("ESRI:102009", -2.5e6, -1.5e6, 2.5e6, 1.5e6, 300, 180);
        assertPixelsCarryTheirValues(
                f,
                "ramp:temperature,units=degC,min=-50,max=0",
                v,
                "+proj=lcc +lat_1=20 +lat_2=60 +lat_0=40 +lon_0=-96 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs");
    }

    @Test
    void polarStereographicInWebMercator() {
        GridValues f = Sources.field(Sources.SAFRICA, 2);
        assertPixelsCarryTheirValues(f, "ramp:ir-enhanced", tileAround(f, 4), Proj.WEB_MERCATOR);
    }

    @Test
    void mercatorInWebMercator() {
        GridValues f = Sources.field(Sources.MERCATOR, 1);
        assertPixelsCarryTheirValues(
                f, "ramp:temperature,units=degF,min=60,max=100", tileAround(f, 7), Proj.WEB_MERCATOR);
    }

    @Test
    void rotatedLatLonInWebMercator() {
        GridValues f = Sources.field(Sources.HRDPS, 1);
        assertPixelsCarryTheirValues(
                f, "ramp:gray,min=-1.5,max=2000,below=#ff0000", tileAround(f, 5), Proj.WEB_MERCATOR);
    }

    @Test
    void mrmsRadarPngPackedLatLonInWebMercator() {
        GridValues f = Sources.field(Sources.MRMS, 1);
        assertPixelsCarryTheirValues(
                f,
                "ramp:reflectivity,below=#808080",
                TileMatrixSet.WEB_MERCATOR_QUAD.tile(8, 60, 104, 256),
                Proj.WEB_MERCATOR);
    }

    @Test
    void geostationaryGoesMesoscaleInWebMercator() {
        GridValues f = Sources.field(Sources.GOES_C13, 1);
        assertPixelsCarryTheirValues(f, "ramp:gray,min=0,max=120", tileAround(f, 6), Proj.WEB_MERCATOR);
    }

    @Test
    void geostationaryGoesConusAtTheAntimeridianInWgs84() {
        GridValues f = Sources.field(Sources.GOES_CONUS, 1);
        assertPixelsCarryTheirValues(
                f, "ramp:gray,min=0,max=30", View.of("EPSG:4326", -180, 44, -172, 52, 256, 256), Proj.WGS84);
    }
}
