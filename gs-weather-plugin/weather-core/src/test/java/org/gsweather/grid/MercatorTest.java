package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MercatorTest {
    private static final Mercator EQUATORIAL = new Mercator(Ellipsoid.WGS84, 0, 0);
    /** GRIB2 template 3.10 style: true scale at 20°N on the GRIB2 sphere, centred in the Pacific. */
    private static final Mercator PACIFIC = new Mercator(Ellipsoid.sphere(6371229), 20, -150);
    /** Southern latitude of true scale on WGS84, central meridian 150°E. */
    private static final Mercator SOUTHERN = new Mercator(Ellipsoid.WGS84, -33.5, 150);

    /**
     * Whole globe up to 0.001° from the poles. Closer, PROJ's own rounding of the latitude to radians
     * (1e-16 rad against a colatitude of 2e-9 rad at 89.9999999°) moves y by decimetres, while this
     * class works from the exact colatitude in degrees.
     */
    private static double[][] globe(double centralMeridian) {
        return Points.concat(
                Points.lattice(-180, 180, 7.5, -88, 88, 4),
                Points.of(
                        centralMeridian + 179.9999,
                        10,
                        centralMeridian - 179.9999,
                        -10,
                        179.5,
                        45,
                        -179.5,
                        45,
                        0,
                        89.999,
                        0,
                        -89.999,
                        10,
                        1e-9,
                        10,
                        -1e-9));
    }

    private static void forwardMatchesProj(Mercator p, String what) {
        double[][] points = globe(p.centralMeridian());
        Agreement.forward(p, points, Cs2cs.forward(p, points), what);
    }

    private static void inverseMatchesProj(Mercator p, String what) {
        double[] corner = new double[2];
        p.forward(p.centralMeridian() + 180, 89, corner);
        double[][] xy = Points.concat(
                Points.lattice(-corner[0], corner[0], corner[0] / 20, -corner[1], corner[1], corner[1] / 20),
                Points.of(1.3 * corner[0], 1e3, -1.7 * corner[0], -1e3, 0, 5 * corner[1]));
        Agreement.inverse(p, xy, Cs2cs.inverse(p, xy), what);
    }

    @Test
    void forwardOfEquatorialWgs84MatchesProj() {
        forwardMatchesProj(EQUATORIAL, "merc WGS84");
    }

    @Test
    void forwardOfSphereWithTrueScaleAt20NMatchesProj() {
        forwardMatchesProj(PACIFIC, "merc sphere lat_ts 20");
    }

    @Test
    void forwardOfWgs84WithSouthernTrueScaleMatchesProj() {
        forwardMatchesProj(SOUTHERN, "merc WGS84 lat_ts -33.5");
    }

    @Test
    void inverseOfEquatorialWgs84MatchesProj() {
        inverseMatchesProj(EQUATORIAL, "merc WGS84");
    }

    @Test
    void inverseOfSphereWithTrueScaleAt20NMatchesProj() {
        inverseMatchesProj(PACIFIC, "merc sphere lat_ts 20");
    }

    @Test
    void inverseOfWgs84WithSouthernTrueScaleMatchesProj() {
        inverseMatchesProj(SOUTHERN, "merc WGS84 lat_ts -33.5");
    }

    @Test
    void inverseUndoesForward() {
        double[][] points = Points.lattice(-179.75, 179.75, 2.5, -89, 89, 1);
        Agreement.roundTrip(SOUTHERN, points, "merc WGS84 lat_ts -33.5");
        Agreement.roundTrip(PACIFIC, points, "merc sphere lat_ts 20");
    }

    @Test
    void scaleIsTrueAlongTheLatitudeOfTrueScale() {
        double[] west = new double[2];
        double[] east = new double[2];
        SOUTHERN.forward(150, -33.5, west);
        SOUTHERN.forward(151, -33.5, east);
        // one degree of the parallel: a cos φ / sqrt(1 - e² sin² φ) · π/180
        double phi = Math.toRadians(-33.5);
        double e2 = Ellipsoid.WGS84.e2();
        double expected = 6378137 * Math.cos(phi) / Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi)) * Math.PI / 180;
        assertThat(east[0] - west[0]).isCloseTo(expected, within(1e-6));
    }

    @Test
    void polesHaveNoImage() {
        double[] xy = new double[2];
        EQUATORIAL.forward(0, 90, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
        PACIFIC.forward(-150, -90, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
        EQUATORIAL.forward(0, 91, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void inverseLongitudeIsWrappedIntoRange() {
        double[] lonLat = new double[2];
        // x of 340° east of the central meridian 150°W
        PACIFIC.inverse(6371229 * Math.cos(Math.toRadians(20)) * Math.toRadians(340), 0, lonLat);
        assertThat(lonLat[0]).isCloseTo(-170, within(1e-9));
    }

    @Test
    void latitudeOfTrueScaleAtAPoleIsRejected() {
        assertThatThrownBy(() -> new Mercator(Ellipsoid.WGS84, 90, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void projStringNamesEveryParameter() {
        assertThat(PACIFIC.toProj()).isEqualTo("+proj=merc +lat_ts=20 +lon_0=-150 +x_0=0 +y_0=0 +R=6371229 +no_defs");
    }

    @Test
    void wktIsMercator2SP() {
        assertThat(SOUTHERN.toWkt())
                .isEqualTo("PROJCS[\"Mercator\",GEOGCS[\"Geographic on ellipsoid\",DATUM[\"unknown\","
                        + "SPHEROID[\"Ellipsoid\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],"
                        + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Mercator_2SP\"],"
                        + "PARAMETER[\"standard_parallel_1\",-33.5],PARAMETER[\"central_meridian\",150],"
                        + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]");
    }

    @Test
    void equalProjectionsAreEqual() {
        assertThat(new Mercator(Ellipsoid.sphere(6371229), 20, -150))
                .isEqualTo(PACIFIC)
                .hasSameHashCodeAs(PACIFIC)
                .isNotEqualTo(EQUATORIAL)
                .hasToString("Mercator[ellipsoid=Ellipsoid[semiMajorAxis=6371229.0, semiMinorAxis=6371229.0],"
                        + " latitudeOfTrueScale=20.0, centralMeridian=-150.0]");
    }
}
