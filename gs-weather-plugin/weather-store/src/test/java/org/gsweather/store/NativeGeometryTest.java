package org.gsweather.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.gsweather.grid.Grid;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The box and size a map server declares for a grid must put every cell centre on a grid point: WCS GetCoverage
 * returns the grid as declared, so a box cut short at the poles would squeeze every row of a global grid.
 */
class NativeGeometryTest {
    private static Map<String, Coverage> coverages(String testFile) throws IOException {
        try (WeatherStore store = WeatherStore.open(
                StoreSettings.of(TestData.file(testFile), FileFormat.GRIB2),
                new FieldCache(1 << 20),
                Clock.systemUTC(),
                null)) {
            return store.snapshot().coverages();
        }
    }

    @Test
    void globalGridsReachHalfACellBeyondThePoles() throws IOException {
        NativeGeometry gfs = NativeGeometry.of(coverages("grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2")
                .get("TMP_ISBL")
                .grid());
        assertThat(new double[] {gfs.minX(), gfs.minY(), gfs.maxX(), gfs.maxY()})
                .containsExactly(-178.75, -91.25, 181.25, 91.25);
        assertThat(gfs.width()).isEqualTo(144);
        assertThat(gfs.height()).isEqualTo(73);

        NativeGeometry cmc =
                NativeGeometry.of(coverages("grib2/grib-rs/CMC_glb_TMP_ISBL_1_latlon.24x.24_2021051800_P000.grib2")
                        .values()
                        .iterator()
                        .next()
                        .grid());
        assertThat(cmc.minY()).isCloseTo(-90.12, within(1e-9));
        assertThat(cmc.maxY()).isCloseTo(90.12, within(1e-9));
    }

    @Test
    void everyRowAndColumnCentreIsAGridPoint() throws IOException {
        for (String file : new String[] {
            "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2",
            "grib2/grib-rs/CMC_glb_TMP_ISBL_1_latlon.24x.24_2021051800_P000.grib2"
        }) {
            Grid grid = coverages(file).values().iterator().next().grid();
            NativeGeometry g = NativeGeometry.of(grid);
            double cellY = (g.maxY() - g.minY()) / g.height();
            double cellX = (g.maxX() - g.minX()) / g.width();
            double[] ll = new double[2];
            double[] lats = new double[grid.ny()];
            for (int j = 0; j < grid.ny(); j++) {
                grid.lonLat(0, j, ll);
                lats[j] = ll[1];
            }
            Arrays.sort(lats);
            for (int row = 0; row < g.height(); row++) {
                // rows of the declared grid run from north to south
                assertThat(g.maxY() - (row + 0.5) * cellY)
                        .as("%s row %d", file, row)
                        .isCloseTo(lats[lats.length - 1 - row], within(1e-6));
            }
            grid.lonLat(0, 0, ll);
            double offset = (g.minX() + 0.5 * cellX - ll[0]) / cellX;
            assertThat(offset - Math.rint(offset)).as("%s columns", file).isCloseTo(0, within(1e-6));
        }
    }
}
