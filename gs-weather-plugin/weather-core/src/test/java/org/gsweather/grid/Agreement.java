package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Point-by-point comparison of a projection with reference coordinates (PROJ, ecCodes, the GOES-R
 * PUG): fails on the first point off by more than the tolerance, and returns the largest deviation,
 * which it also prints so that the build log records how close the match is.
 */
final class Agreement {
    static final double MILLIMETRE = 1e-3;
    static final double NANODEGREE = 1e-9;

    private Agreement() {}

    /**
     * Forward projection of each longitude/latitude against {@code expected}; a NaN expectation
     * requires NaN. Angular projections ({@link RotatedPole}) are compared in degrees, x modulo 360.
     */
    static double forward(Projection projection, double[][] lonLat, double[][] expected, String what) {
        boolean angular = projection instanceof RotatedPole;
        double tolerance = angular ? NANODEGREE : MILLIMETRE;
        double worst = 0;
        double[] xy = new double[2];
        for (int i = 0; i < lonLat.length; i++) {
            projection.forward(lonLat[i][0], lonLat[i][1], xy);
            String at = what + ": forward of lon " + lonLat[i][0] + ", lat " + lonLat[i][1];
            if (Double.isNaN(expected[i][0])) {
                assertThat(xy).as(at + " (no image in the reference)").containsOnly(Double.NaN);
                continue;
            }
            double dx = angular ? longitudeDeviation(xy[0], expected[i][0], expected[i][1]) : xy[0] - expected[i][0];
            assertThat(dx).as(at + ": x " + xy[0] + " vs " + expected[i][0]).isCloseTo(0, within(tolerance));
            assertThat(xy[1]).as(at + ": y").isCloseTo(expected[i][1], within(tolerance));
            worst = Math.max(worst, Math.max(Math.abs(dx), Math.abs(xy[1] - expected[i][1])));
        }
        report(what, lonLat.length, worst, angular ? "degrees" : "m");
        return worst;
    }

    /**
     * Inverse projection of each x/y against expected longitude/latitude (degrees, longitudes modulo
     * 360), and inverse longitudes in [-180, 180].
     */
    static double inverse(Projection projection, double[][] xy, double[][] expected, String what) {
        double worst = 0;
        double[] lonLat = new double[2];
        for (int i = 0; i < xy.length; i++) {
            projection.inverse(xy[i][0], xy[i][1], lonLat);
            String at = what + ": inverse of x " + xy[i][0] + ", y " + xy[i][1];
            if (Double.isNaN(expected[i][0])) {
                assertThat(lonLat).as(at + " (no image in the reference)").containsOnly(Double.NaN);
                continue;
            }
            assertThat(lonLat[0]).as(at + ": longitude range").isBetween(-180.0, 180.0);
            assertThat(lonLat[1]).as(at + ": latitude").isCloseTo(expected[i][1], within(NANODEGREE));
            double dLon = longitudeDeviation(lonLat[0], expected[i][0], expected[i][1]);
            assertThat(dLon)
                    .as(at + ": longitude " + lonLat[0] + " vs " + expected[i][0])
                    .isCloseTo(0, within(NANODEGREE));
            worst = Math.max(worst, Math.max(Math.abs(dLon), Math.abs(lonLat[1] - expected[i][1])));
        }
        report(what, xy.length, worst, "degrees");
        return worst;
    }

    /** forward then inverse gives back each longitude/latitude. */
    static double roundTrip(Projection projection, double[][] lonLat, String what) {
        double[][] xy = new double[lonLat.length][2];
        for (int i = 0; i < lonLat.length; i++) {
            projection.forward(lonLat[i][0], lonLat[i][1], xy[i]);
            assertThat(xy[i])
                    .as(what + ": forward of " + lonLat[i][0] + ", " + lonLat[i][1])
                    .doesNotContain(Double.NaN);
        }
        double[][] expected = new double[lonLat.length][];
        for (int i = 0; i < lonLat.length; i++) {
            expected[i] = new double[] {Longitudes.wrap(lonLat[i][0]), lonLat[i][1]};
        }
        return inverse(projection, xy, expected, what + " round trip");
    }

    /**
     * Longitude difference modulo 360. Within 0.01° of a pole, where a longitude is ill-conditioned
     * (1e-16 rad of position moves it by 1e-16 / cos φ), the difference is measured along the parallel.
     */
    private static double longitudeDeviation(double lon, double expectedLon, double expectedLat) {
        double d = Longitudes.wrap(lon - expectedLon);
        return Math.abs(expectedLat) > 89.99 ? d * Math.cos(Math.toRadians(expectedLat)) : d;
    }

    private static void report(String what, int points, double worst, String unit) {
        System.out.printf("%s: %d points, largest deviation %.3g %s%n", what, points, worst, unit);
    }
}
