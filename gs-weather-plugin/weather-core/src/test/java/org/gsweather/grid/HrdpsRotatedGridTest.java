package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real HRDPS rotated grid (MSC, GRIB2 template 3.1, 2540 x 1290 points of 0.0225°) against ecCodes:
 * its template parameters from {@code grib_get}, the geographic position of every grid point from
 * {@code grib_get_data}, compared at a spread of points covering corners, edges and interior.
 *
 * <p>ecCodes 2.28 does not place the grid points at first point + i·increment: its regular iterator
 * takes the column step from the first and last longitudes, (lon2 - lon1) / (Ni - 1), and puts the
 * last row at the encoded last latitude. This file's last point is 3 µ° (longitude) and 2 µ°
 * (latitude) off first point + (N - 1)·increment, so the two placements differ by up to 3 µ° at
 * the eastern and northern edges. The rotation is compared at ecCodes' own placement.
 */
class HrdpsRotatedGridTest {
    private static final String FILE = "grib2/grib-rs/20260219T00Z_MSC_HRDPS_CAPE_Sfc_RLatLon0.0225_PT000H.grib2";
    private static final String KEYS = "latitudeOfSouthernPoleInDegrees,longitudeOfSouthernPoleInDegrees,"
            + "angleOfRotationInDegrees,latitudeOfFirstGridPointInDegrees,longitudeOfFirstGridPointInDegrees,"
            + "iDirectionIncrementInDegrees,jDirectionIncrementInDegrees,Ni,Nj,scanningMode,radius,"
            + "latitudeOfLastGridPointInDegrees,longitudeOfLastGridPointInDegrees";
    /** Every 997th grid point (a prime, so the sample walks across rows and columns), plus the edges. */
    private static final int STRIDE = 997;

    private static RotatedPole projection;
    private static double lon1;
    private static double lat1;
    private static double di;
    private static double dj;
    private static double lat2;
    private static double lon2;
    private static int ni;
    private static int nj;
    /** Sampled grid point index k = j * Ni + i, and ecCodes' latitude and longitude of it. */
    private static int[] index;

    private static double[] eccodesLat;
    private static double[] eccodesLon;

    @BeforeAll
    static void readGridWithEccodes() {
        Path file = TestData.file(FILE);
        Tools.require("grib_get");
        Tools.require("grib_get_data");
        String[] keys = Tools.run(List.of("grib_get", "-F", "%.10f", "-p", KEYS, file.toString()))
                .trim()
                .split("\\s+");
        double southPoleLat = Double.parseDouble(keys[0]);
        double southPoleLon = Double.parseDouble(keys[1]);
        double angle = Double.parseDouble(keys[2]);
        lat1 = Double.parseDouble(keys[3]);
        lon1 = Double.parseDouble(keys[4]);
        di = Double.parseDouble(keys[5]);
        dj = Double.parseDouble(keys[6]);
        ni = Integer.parseInt(keys[7]);
        nj = Integer.parseInt(keys[8]);
        assertThat(keys[9])
                .as("scanning mode: +i east, +j north, rows consecutive")
                .isEqualTo("64");
        projection = new RotatedPole(Ellipsoid.sphere(Double.parseDouble(keys[10])), southPoleLat, southPoleLon, angle);
        lat2 = Double.parseDouble(keys[11]);
        lon2 = Double.parseDouble(keys[12]);

        String[] lines = Tools.run(List.of("grib_get_data", "-m", "missing", "-L", "%.10f %.10f", file.toString()))
                .split("\n");
        int points = ni * nj;
        assertThat(lines).as("header and one line per grid point").hasSize(points + 1);
        int sampled = (points - 1) / STRIDE + 1;
        int edge = 2 * (ni / 7 + 1) + 2 * (nj / 7 + 1);
        index = new int[sampled + edge];
        int s = 0;
        for (int k = 0; k < points; k += STRIDE) {
            index[s++] = k;
        }
        for (int i = 0; i < ni; i += 7) {
            index[s++] = i; // first row
            index[s++] = points - ni + i; // last row
        }
        for (int j = 0; j < nj; j += 7) {
            index[s++] = j * ni; // first column
            index[s++] = j * ni + ni - 1; // last column
        }
        eccodesLat = new double[index.length];
        eccodesLon = new double[index.length];
        for (s = 0; s < index.length; s++) {
            String[] fields = lines[index[s] + 1].trim().split("\\s+");
            eccodesLat[s] = Double.parseDouble(fields[0]);
            eccodesLon[s] = Double.parseDouble(fields[1]);
        }
    }

    @Test
    void templateParametersAreThoseOfHrdps() {
        assertThat(projection).isEqualTo(new RotatedPole(Ellipsoid.sphere(6371229), -36.08852, 245.305142, 0));
        assertThat(new double[] {lon1, lat1, di, dj}).containsExactly(345.17878, -12.302501, 0.0225, 0.0225);
        assertThat(new int[] {ni, nj}).containsExactly(2540, 1290);
    }

    @Test
    void lastGridPointIsMicrodegreesOffFirstPointPlusIncrements() {
        assertThat(lon2 + 360 - (lon1 + (ni - 1) * di)).isCloseTo(3e-6, within(1e-9));
        assertThat(lat2 - (lat1 + (nj - 1) * dj)).isCloseTo(2e-6, within(1e-9));
    }

    /**
     * ecCodes (grib_geography.cc, {@code unrotate}) rounds each coordinate to 6 decimals through a C
     * float, {@code roundf(v * 1e6) / 1e6}: beyond 16.8° that float has no fraction left and the
     * printed value steps by 2 to 16 micro-degrees. Applying the same rounding to this class's exact
     * values must reproduce ecCodes' output to its printed precision.
     */
    @Test
    void everySampledGridPointMatchesEccodesOnceRoundedLikeEccodes() {
        double[] lonLat = new double[2];
        for (int s = 0; s < index.length; s++) {
            eccodesGridPoint(index[s], lonLat);
            String at = "grid point i=" + index[s] % ni + " j=" + index[s] / ni;
            assertThat(eccodesRounding(lonLat[1])).as(at + " latitude").isCloseTo(eccodesLat[s], within(1e-9));
            assertThat(eccodesRounding(lonLat[0])).as(at + " longitude").isCloseTo(eccodesLon[s], within(1e-9));
        }
        System.out.printf("HRDPS vs grib_get_data after ecCodes' rounding: %d points, all equal%n", index.length);
    }

    @Test
    void everySampledGridPointLiesWithinEccodesRoundingOfEccodes() {
        double[] lonLat = new double[2];
        double worst = 0;
        for (int s = 0; s < index.length; s++) {
            eccodesGridPoint(index[s], lonLat);
            String at = "grid point i=" + index[s] % ni + " j=" + index[s] / ni;
            assertThat(lonLat[1]).as(at + " latitude").isCloseTo(eccodesLat[s], within(halfStep(eccodesLat[s])));
            assertThat(lonLat[0]).as(at + " longitude").isCloseTo(eccodesLon[s], within(halfStep(eccodesLon[s])));
            worst = Math.max(worst, Math.max(Math.abs(lonLat[1] - eccodesLat[s]), Math.abs(lonLat[0] - eccodesLon[s])));
        }
        System.out.printf(
                "HRDPS vs grib_get_data raw: %d points, largest deviation %.3g degrees%n", index.length, worst);
    }

    @Test
    void gridOfEncodedIncrementsLiesWithinTwelveMicrodegreesOfEccodes() {
        double[] lonLat = new double[2];
        double worst = 0;
        for (int s = 0; s < index.length; s++) {
            int i = index[s] % ni;
            int j = index[s] / ni;
            projection.inverse(lon1 + i * di, lat1 + j * dj, lonLat);
            double deviation =
                    Math.max(Math.abs(lonLat[1] - eccodesLat[s]), Math.abs(Longitudes.wrap(lonLat[0] - eccodesLon[s])));
            // ecCodes' float rounding (up to 8 µ° west of 134°W) plus its placement (3 µ° of arc at the edges)
            assertThat(deviation).as("grid point i=" + i + " j=" + j).isLessThan(12e-6);
            worst = Math.max(worst, deviation);
        }
        System.out.printf(
                "HRDPS lon1 + i*di grid vs grib_get_data: %d points, largest deviation %.3g degrees%n",
                index.length, worst);
    }

    @Test
    void forwardOfEccodesPositionsGivesBackTheGridIndices() {
        double[] rotated = new double[2];
        for (int s = 0; s < index.length; s++) {
            projection.forward(eccodesLon[s], eccodesLat[s], rotated);
            double i = Longitudes.wrap(rotated[0] - lon1) / di;
            double j = (rotated[1] - lat1) / dj;
            // ecCodes' rounding and placement move a point by at most 8 micro-degrees: 0.0004 of a step
            assertThat(i).as("column of grid point " + index[s]).isCloseTo(index[s] % ni, within(1e-3));
            assertThat(j).as("row of grid point " + index[s]).isCloseTo(index[s] / ni, within(1e-3));
        }
    }

    /**
     * Geographic position of grid point k where ecCodes 2.28 places it (grib_iterator_class_regular /
     * latlon): column step from the first and last longitudes, last row at the encoded last latitude.
     */
    private static void eccodesGridPoint(int k, double[] lonLat) {
        int i = k % ni;
        int j = k / ni;
        double columnStep = (lon2 + 360 - lon1) / (ni - 1);
        double rotatedLat = j == nj - 1 ? lat2 : lat1 + j * dj;
        projection.inverse(lon1 + i * columnStep, rotatedLat, lonLat);
    }

    /** C's {@code roundf((float) (v * 1e6)) / 1e6}, ecCodes' last step. */
    private static double eccodesRounding(double v) {
        float scaled = (float) (v * 1e6);
        double rounded = Math.copySign(Math.floor(Math.abs((double) scaled) + 0.5), scaled);
        return rounded / 1e6;
    }

    /** Largest error of ecCodes' rounding near {@code v}: half a float step, half a micro-degree, printing. */
    private static double halfStep(double v) {
        return 0.5 * Math.ulp((float) (Math.abs(v) * 1e6)) * 1e-6 + 0.5e-6 + 1e-10;
    }
}
