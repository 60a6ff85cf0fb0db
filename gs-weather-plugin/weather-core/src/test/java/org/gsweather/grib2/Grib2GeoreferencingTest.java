package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gsweather.grid.Grid;
import org.gsweather.testing.EccodesOracle;
import org.gsweather.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The georeferencing of every grid template in the test data against ecCodes' own latitude and
 * longitude of each grid point (in file order, so scanning modes are checked too): within 1e-6
 * degrees, and the inverse mapping returns the point's own index.
 */
class Grib2GeoreferencingTest {
    private static final double DEGREES = 1e-6;

    record Case(String file, String what) {
        @Override
        public String toString() {
            return what + ": " + file;
        }
    }

    static Stream<Case> grids() {
        return Stream.of(
                new Case("grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2", "3.0 global 0-360, north to south"),
                new Case(
                        "grib2/grib-rs/CMC_glb_TMP_ISBL_1_latlon.24x.24_2021051800_P000.grib2",
                        "3.0 from -180, south to north"),
                new Case("grib2/pygrib/regular_latlon_surface.grib2", "3.0 regional"),
                new Case("grib2/pygrib/scanning_mode.grib2", "3.0 scanning mode 96 (j consecutive)"),
                new Case("grib2/pygrib/scanning_mode_with_bitmap.grib2", "3.0 scanning mode 96 with bitmap"),
                new Case("grib2/cfgrib/alternate-scanning.grib", "3.0 alternate row scanning"),
                new Case(
                        "grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz",
                        "3.0 MRMS 7000x3500"),
                new Case("grib2/grib-rs/20260219T00Z_MSC_HRDPS_CAPE_Sfc_RLatLon0.0225_PT000H.grib2", "3.1 rotated"),
                new Case("grib2/pygrib/dspr.temp.bin", "3.10 Mercator"),
                new Case("grib2/cfgrib/ds.waveh.5.grib", "3.10 Mercator, NDFD"),
                new Case("grib2/pygrib/safrica.grib2", "3.20 polar stereographic"),
                new Case("grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2", "3.30 Lambert HRRR"),
                new Case("grib2/noaa/eta.grib2", "3.30 Lambert AWIPS 211"),
                new Case("grib2/pygrib/ds.maxt.bin", "3.30 Lambert NDFD"),
                new Case("grib2/pygrib/no-radius-shapeOfEarth-7.grb2", "3.30 Lambert on a given ellipsoid"),
                new Case("grib2/grib-rs/gdas.t00z.sfluxgrbf000.grib2.0.xz", "3.40 Gaussian T1534"),
                new Case("grib2/cfgrib/regular_gg_ml_g2.grib", "3.40 Gaussian N80"));
    }

    /**
     * ecCodes (2.28) hands out the latitudes/longitudes of grids with alternate row scanning in row
     * order, although their values come in file order (as wgrib2's); for all other scanning modes both
     * come in file order. The row order of cfgrib's alternate-scanning.grib is confirmed by its values:
     * the second row starts where the first ends.
     */
    static int eccodesOrder(int scanningMode) {
        return scanningMode & ~GridDefinition.SCAN_BOUSTROPHEDON;
    }

    /**
     * How far ecCodes' own output may be from the exact value: it rounds coordinates through a C float
     * ({@code roundf(v * 1e6) / 1e6}), which at 1e8 micro-degrees quantizes by up to 8e-6 degrees.
     */
    static double printed(double degrees) {
        return Math.ulp((float) (Math.abs(degrees) * 1e6)) * 1e-6;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grids")
    void gridPointsSitWhereEccodesPutsThem(Case c) throws IOException {
        try (Grib2File file = Grib2File.open(TestData.file(c.file()))) {
            Grib2Field field = file.field(1);
            Grid grid = field.grid();
            long points = (long) grid.nx() * grid.ny();
            int every = (int) Math.max(1, points / 200_000);
            EccodesOracle oracle = EccodesOracle.of(TestData.file(c.file()), every);
            double[] reference = oracle.latLon(1);
            int[] ij = new int[2];
            double[] ll = new double[2];
            double[] back = new double[2];
            List<String> bad = new ArrayList<>();
            double worst = 0;
            for (int k = 0; k < reference.length / 2; k++) {
                long s = (long) k * every;
                ScanOrder.gridIndexOf(s, grid.nx(), grid.ny(), eccodesOrder(field.scanningMode()), ij);
                grid.lonLat(ij[0], ij[1], ll);
                double lat = reference[2 * k];
                double lon = reference[2 * k + 1];
                double dLat = Math.abs(ll[1] - lat);
                double dLon = Math.abs(Math.IEEEremainder(ll[0] - lon, 360)) * Math.cos(Math.toRadians(lat));
                worst = Math.max(worst, Math.max(dLat, dLon));
                if ((dLat > DEGREES + printed(lat) || dLon > DEGREES + printed(lon)) && bad.size() < 5) {
                    bad.add("point " + s + " (i=" + ij[0] + ", j=" + ij[1] + "): ours " + ll[1] + "," + ll[0]
                            + " ecCodes " + lat + "," + lon);
                }
                grid.index(ll[0], ll[1], back);
                double di = Math.abs(back[0] - ij[0]);
                if (grid.wrapsLongitude()) {
                    di = Math.min(di, Math.abs(di - grid.nx()));
                }
                if ((di > 1e-6 || Math.abs(back[1] - ij[1]) > 1e-6) && Math.abs(lat) < 89.9 && bad.size() < 5) {
                    bad.add("point " + s + ": index(lonLat(" + ij[0] + ", " + ij[1] + ")) = " + back[0] + ","
                            + back[1]);
                }
            }
            assertThat(bad).as("%s (worst %.2e degrees)", c, worst).isEmpty();
        }
    }
}
