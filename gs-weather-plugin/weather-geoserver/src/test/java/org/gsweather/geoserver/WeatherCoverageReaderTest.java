package org.gsweather.geoserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.nio.file.Path;
import java.time.Clock;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterValue;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridEnvelope2D;
import org.geotools.coverage.grid.GridGeometry2D;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.geometry.GeneralBounds;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.gsweather.field.Field;
import org.gsweather.grid.Grid;
import org.gsweather.store.FileFormat;
import org.gsweather.store.SliceQuery;
import org.gsweather.store.SliceSelector;
import org.gsweather.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A read in the native CRS returns, at every pixel centre, the value of the grid point nearest to where
 * GeoTools puts that centre: what GeoServer then reprojects is the field itself.
 */
class WeatherCoverageReaderTest {

    /** Whether a grid point within {@code reach} cells of (i, j) holds the value. */
    private static boolean near(Grid grid, float[] values, long i, long j, float value, int reach) {
        for (long jj = j - reach; jj <= j + reach; jj++) {
            for (long ii = i - reach; ii <= i + reach; ii++) {
                if (ii >= 0
                        && jj >= 0
                        && ii < grid.nx()
                        && jj < grid.ny()
                        && Float.compare(values[(int) (jj * grid.nx() + ii)], value) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Grid cells across one output pixel, roughly. */
    private static double cellsPerPixel(Grid grid, double rx, GeneralBounds env, int w) {
        return (double) grid.nx() / w + 1;
    }

    @ParameterizedTest
    @CsvSource({
        "GRIB2, grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2, TMP_SFC",
        "GRIB2, grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2, TMP_SFC",
        "GRIB2, grib2/noaa/fh.0012_tl.press_gr.awp211.grb2, PRMSL_MSL",
        "GRIB2, grib2/pygrib/safrica.grib2, BRTMP_CTL",
        "NETCDF, netcdf/goes/OR_ABI-L1b-RadC-M6C04_G17_s20193002001196_e20193002003569_c20193002004076.nc, Rad_C04",
        "NETCDF, netcdf/goes/OR_ABI-L1b-RadM1-M6C13_G17_s20193351027275_e20193351027344_c20193351027405.nc, Rad_C13"
    })
    void nativeReadsHoldTheNearestGridPointOfEveryPixel(FileFormat format, String file, String coverage)
            throws Exception {
        Path path = TestData.file(file);
        WeatherFormat f = new WeatherFormat(format);
        WeatherCoverageReader reader = f.getReader(path.toFile());
        try {
            GeneralBounds env = reader.getOriginalEnvelope(coverage);
            int w = 173;
            int h = 97;
            GeneralBounds requested = env;
            ParameterValue<GridGeometry2D> gg = AbstractGridFormat.READ_GRIDGEOMETRY2D.createValue();
            gg.setValue(new GridGeometry2D(new GridEnvelope2D(0, 0, w, h), requested));
            GridCoverage2D gc = reader.read(coverage, new GeneralParameterValue[] {gg});
            Raster r = gc.getRenderedImage().getData();
            // what came back (a request of too many samples comes back as the grid's own cells)
            env = new GeneralBounds(gc.getEnvelope());
            w = r.getWidth();
            h = r.getHeight();

            // the slice a read without TIME draws: the time nearest to now
            Field field = new SliceSelector(Clock.systemUTC())
                    .select(reader.store().snapshot().coverage(coverage), SliceQuery.ANY)
                    .orElseThrow()
                    .scalar()
                    .field();
            Grid grid = field.grid();
            float[] values = field.read();
            CoordinateReferenceSystem crs = reader.getCoordinateReferenceSystem(coverage);
            MathTransform toLonLat = CRS.findMathTransform(crs, DefaultGeographicCRS.WGS84, true);
            double rx = env.getSpan(0) / w;
            double ry = env.getSpan(1) / h;
            int compared = 0;
            int agree = 0;
            int neighbour = 0;
            int present = 0;
            double[] ll = new double[2];
            double[] ij = new double[2];
            for (int y = 0; y < h; y += 3) {
                for (int x = 0; x < w; x += 3) {
                    double cx = env.getMinimum(0) + (x + 0.5) * rx;
                    double cy = env.getMaximum(1) - (y + 0.5) * ry;
                    toLonLat.transform(new double[] {cx, cy}, 0, ll, 0, 1);
                    grid.index(ll[0], ll[1], ij);
                    long i = Math.round(ij[0]);
                    long j = Math.round(ij[1]);
                    if (grid.wrapsLongitude() && i == grid.nx()) {
                        i = 0;
                    }
                    float expected = Double.isNaN(ij[0]) || i < 0 || j < 0 || i >= grid.nx() || j >= grid.ny()
                            ? Float.NaN
                            : values[(int) (j * grid.nx() + i)];
                    float got = r.getSampleFloat(x, y, 0);
                    compared++;
                    if (Float.compare(expected, got) == 0 || (Float.isNaN(expected) && Float.isNaN(got))) {
                        agree++;
                    } else if (near(grid, values, i, j, got, (int)
                            Math.ceil(0.1 * Math.max(cellsPerPixel(grid, rx, env, w), 1)))) {
                        neighbour++;
                    }
                    if (!Float.isNaN(got)) {
                        present++;
                    }
                }
            }
            // the core interpolates grid indices inside 16-pixel blocks to 0.1 output pixel: when a pixel spans many
            // grid cells, a pixel may take a grid point that many tenths of its cells away
            assertThat((double) agree / compared).as("same grid point").isGreaterThan(0.95);
            assertThat((double) (agree + neighbour) / compared)
                    .as("same or next grid point")
                    .isGreaterThan(0.999);
            assertThat((double) present / compared)
                    .as("share of pixels with data")
                    .isGreaterThan(0.2);
        } finally {
            reader.dispose();
        }
    }

    @org.junit.jupiter.api.Test
    void aReadOfTooManySamplesReturnsTheGridsOwnCellsOverTheRequestedArea() throws Exception {
        // what GeoServer asked of a 0.24 degree global grid for a Web Mercator metatile near the pole
        Path path = TestData.file("grib2/grib-rs/CMC_glb_TMP_ISBL_1_latlon.24x.24_2021051800_P000.grib2");
        WeatherCoverageReader reader = new WeatherFormat(FileFormat.GRIB2).getReader(path.toFile());
        try {
            GeneralBounds env = new GeneralBounds(new double[] {-180, 0}, new double[] {0, 85});
            env.setCoordinateReferenceSystem(DefaultGeographicCRS.WGS84);
            ParameterValue<GridGeometry2D> gg = AbstractGridFormat.READ_GRIDGEOMETRY2D.createValue();
            gg.setValue(new GridGeometry2D(new GridEnvelope2D(0, 0, 11980, 5674), env));

            GridCoverage2D gc = reader.read("TMP_ISBL", new GeneralParameterValue[] {gg});

            GeneralBounds grid = reader.getOriginalEnvelope("TMP_ISBL");
            double cellX =
                    grid.getSpan(0) / reader.getOriginalGridRange("TMP_ISBL").getSpan(0);
            double cellY =
                    grid.getSpan(1) / reader.getOriginalGridRange("TMP_ISBL").getSpan(1);
            var got = gc.getEnvelope2D();
            // the requested area widened to whole cells of the grid, one sample per cell
            assertThat(got.getMinX()).isBetween(-180 - cellX, -180.0);
            assertThat(got.getMaxY()).isBetween(85.0, 85 + cellY);
            assertThat(gc.getRenderedImage().getWidth()).isEqualTo((int) Math.round(got.getWidth() / cellX));
            assertThat(gc.getRenderedImage().getHeight()).isEqualTo((int) Math.round(got.getHeight() / cellY));
            assertThat(gc.getRenderedImage().getWidth()).isBetween(750, 752);
            assertThat((got.getMinX() - grid.getMinimum(0)) / cellX)
                    .isCloseTo(
                            Math.rint((got.getMinX() - grid.getMinimum(0)) / cellX),
                            org.assertj.core.data.Offset.offset(1e-6));
            // every sample is the value of the cell it is the centre of
            Field field = new SliceSelector(Clock.systemUTC())
                    .select(reader.store().snapshot().coverage("TMP_ISBL"), SliceQuery.ANY)
                    .orElseThrow()
                    .scalar()
                    .field();
            float[] values = field.read();
            Raster r = gc.getRenderedImage().getData();
            double[] ij = new double[2];
            int checked = 0;
            for (int y = 0; y < r.getHeight(); y += 37) {
                for (int x = 0; x < r.getWidth(); x += 41) {
                    double lon = got.getMinX() + (x + 0.5) * cellX;
                    double lat = got.getMaxY() - (y + 0.5) * cellY;
                    field.grid().index(lon, lat, ij);
                    long i = Math.round(ij[0]);
                    long j = Math.round(ij[1]);
                    if (i == field.grid().nx()) {
                        i = 0;
                    }
                    assertThat(Math.abs(ij[0] - Math.rint(ij[0])))
                            .as("a sample sits on a grid point")
                            .isLessThan(1e-6);
                    assertThat(r.getSampleFloat(x, y, 0))
                            .isEqualTo(values[(int) (j * field.grid().nx() + i)]);
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(100);
        } finally {
            reader.dispose();
        }
    }
}
