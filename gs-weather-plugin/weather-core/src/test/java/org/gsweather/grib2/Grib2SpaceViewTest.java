package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.grid.Grid;
import org.gsweather.testing.EccodesOracle;
import org.gsweather.testing.OracleScript;
import org.gsweather.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grid template 3.90 (space view), which no test file uses: messages written by ecCodes itself
 * ({@code oracles/eccodes_space_view.py}: full disks and sectors, oblate and spherical Earths, three
 * scanning modes) and every point's latitude/longitude compared with ecCodes' own, to 1e-6 degrees.
 * Points whose ray misses the Earth are NaN for us; ecCodes gives them as 0,0.
 *
 * <p>ecCodes (2.28, and its source to this day) lists the points of a space view grid north row first,
 * west to east, whatever the scanning mode, while it hands out the values in file order: with -i or +j
 * scanning its latitudes/longitudes and values do not pair up. Its points are the same set as ours
 * (the scanning mode moves the sub-satellite point Xp, Yp in its iterator as it does in ours), so the
 * test maps its n-th point to our grid index by that fixed order.
 */
class Grib2SpaceViewTest {
    private static final double DEGREES = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"msg_disk", "msg_disk_scan192", "goes_east_sector", "himawari_sphere_scan64"})
    void spaceViewPointsSitWhereEccodesPutsThem(String name) throws IOException {
        Path grib = messages().resolve(name + ".grib2");
        EccodesOracle oracle = EccodesOracle.of(grib, 1);
        double[] reference = oracle.latLon(1);
        try (Grib2File file = Grib2File.open(grib)) {
            Grib2Field field = file.field(1);
            Grid grid = field.grid();
            assertThat(field.gridTemplate()).isEqualTo(90);
            int[] ij = new int[2];
            double[] ll = new double[2];
            double[] back = new double[2];
            List<String> bad = new ArrayList<>();
            int onDisk = 0;
            double worst = 0;
            for (int s = 0; s < reference.length / 2; s++) {
                eccodesPoint(s, grid.nx(), grid.ny(), field.scanningMode(), ij);
                grid.lonLat(ij[0], ij[1], ll);
                double lat = reference[2 * s];
                double lon = reference[2 * s + 1];
                if (Double.isNaN(ll[0])) {
                    if ((lat != 0 || lon != 0) && bad.size() < 5) {
                        bad.add("point " + s + " off the disk for us, at " + lat + "," + lon + " for ecCodes");
                    }
                    continue;
                }
                onDisk++;
                double dLat = Math.abs(ll[1] - lat);
                double dLon = Math.abs(Math.IEEEremainder(ll[0] - lon, 360)) * Math.cos(Math.toRadians(lat));
                worst = Math.max(worst, Math.max(dLat, dLon));
                if ((dLat > DEGREES + Grib2GeoreferencingTest.printed(lat)
                                || dLon > DEGREES + Grib2GeoreferencingTest.printed(lon))
                        && bad.size() < 5) {
                    bad.add("point " + s + " (i=" + ij[0] + ", j=" + ij[1] + "): ours " + ll[1] + "," + ll[0]
                            + " ecCodes " + lat + "," + lon);
                }
                grid.index(ll[0], ll[1], back);
                if ((Math.abs(back[0] - ij[0]) > 1e-6 || Math.abs(back[1] - ij[1]) > 1e-6) && bad.size() < 5) {
                    bad.add("point " + s + ": index(lonLat(" + ij[0] + ", " + ij[1] + ")) = " + back[0] + ","
                            + back[1]);
                }
            }
            assertThat(bad).as("%s (worst %.2e degrees)", name, worst).isEmpty();
            assertThat(onDisk).as("points on the Earth").isGreaterThan(reference.length / 4);
        }
    }

    /** Grid index of ecCodes' {@code s}-th space view point: rows from the north, columns from the west. */
    private static void eccodesPoint(int s, int nx, int ny, int scanningMode, int[] ij) {
        int fromWest = s % nx;
        int fromNorth = s / nx;
        ij[0] = (scanningMode & GridDefinition.SCAN_MINUS_I) != 0 ? nx - 1 - fromWest : fromWest;
        ij[1] = (scanningMode & GridDefinition.SCAN_PLUS_J) != 0 ? ny - 1 - fromNorth : fromNorth;
    }

    /** The messages, written once per build and per version of the script. */
    private static synchronized Path messages() {
        EccodesOracle.require();
        Path dir = TestData.cacheDir().resolve("space-view-" + OracleScript.version("eccodes_space_view.py"));
        if (!Files.exists(dir.resolve("done"))) {
            OracleScript.run("eccodes_space_view.py", List.of(dir.toString()));
            try {
                Files.createFile(dir.resolve("done"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }
}
