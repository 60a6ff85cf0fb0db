package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PolarStereographicTest {
    /** NCEP/CMC style GRIB2 template 3.20: north pole, LaD 60°N, LoV 249° on the GRIB2 sphere. */
    private static final PolarStereographic NORTH_SPHERE =
            new PolarStereographic(Ellipsoid.sphere(6371229), false, 60, 249);
    /** Antarctic polar stereographic (as EPSG:3031): south pole, true scale at 71°S, WGS84. */
    private static final PolarStereographic ANTARCTIC = new PolarStereographic(Ellipsoid.WGS84, true, -71, 0);
    /** Scale true at the north pole itself, WGS84. */
    private static final PolarStereographic NORTH_AT_POLE = new PolarStereographic(Ellipsoid.WGS84, false, 90, -45);
    /** NSIDC style north polar on WGS84, true scale at 70°N, central meridian 45°W. */
    private static final PolarStereographic ARCTIC = new PolarStereographic(Ellipsoid.WGS84, false, 70, -45);

    private static double[][] hemisphere(PolarStereographic p) {
        double sign = p.southPole() ? -1 : 1;
        double[][] north = Points.concat(
                Points.lattice(-180, 180, 7.5, -60, 88, 4),
                Points.of(
                        p.centralMeridian() + 179.9999,
                        70,
                        p.centralMeridian() - 179.9999,
                        70,
                        179.5,
                        80,
                        -179.5,
                        80,
                        0,
                        89.9999999,
                        33,
                        90,
                        -10,
                        -89.9));
        double[][] points = new double[north.length][];
        for (int i = 0; i < north.length; i++) {
            points[i] = new double[] {north[i][0], sign * north[i][1]};
        }
        return points;
    }

    private static void forwardMatchesProj(PolarStereographic p, String what) {
        double[][] points = hemisphere(p);
        Agreement.forward(p, points, Cs2cs.forward(p, points), what);
    }

    private static void inverseMatchesProj(PolarStereographic p, String what) {
        double[][] xy = Points.concat(
                Points.lattice(-1.2e7, 1.2e7, 6e5, -1.2e7, 1.2e7, 6e5), Points.of(0, 0, 0, 1e3, 1e8, -3e8));
        Agreement.inverse(p, xy, Cs2cs.inverse(p, xy), what);
    }

    @Test
    void forwardOfNorthPolarSphereMatchesProj() {
        forwardMatchesProj(NORTH_SPHERE, "stere north sphere lat_ts 60");
    }

    @Test
    void forwardOfSouthPolarWgs84MatchesProj() {
        forwardMatchesProj(ANTARCTIC, "stere south WGS84 lat_ts -71");
    }

    @Test
    void forwardWithTrueScaleAtThePoleMatchesProj() {
        forwardMatchesProj(NORTH_AT_POLE, "stere north WGS84 lat_ts 90");
    }

    @Test
    void forwardOfNorthPolarWgs84MatchesProj() {
        forwardMatchesProj(ARCTIC, "stere north WGS84 lat_ts 70");
    }

    @Test
    void inverseOfNorthPolarSphereMatchesProj() {
        // PROJ's spherical inverse, asin(cos c), loses precision within some 20 m of the pole: the
        // lattice stays farther, inverseNearThePoleKeepsFullPrecision covers the rest.
        inverseMatchesProj(NORTH_SPHERE, "stere north sphere lat_ts 60");
    }

    @Test
    void inverseOfSouthPolarWgs84MatchesProj() {
        inverseMatchesProj(ANTARCTIC, "stere south WGS84 lat_ts -71");
    }

    @Test
    void inverseWithTrueScaleAtThePoleMatchesProj() {
        inverseMatchesProj(NORTH_AT_POLE, "stere north WGS84 lat_ts 90");
    }

    @Test
    void inverseOfNorthPolarWgs84MatchesProj() {
        inverseMatchesProj(ARCTIC, "stere north WGS84 lat_ts 70");
    }

    @Test
    void inverseUndoesForward() {
        Agreement.roundTrip(ARCTIC, Points.lattice(-179.75, 179.75, 2.5, -60, 89.5, 1.5), "stere north WGS84");
        Agreement.roundTrip(ANTARCTIC, Points.lattice(-179.75, 179.75, 2.5, -89.5, 60, 1.5), "stere south WGS84");
    }

    @Test
    void latitudeOfTrueScaleInTheOtherHemisphereIsMirroredIntoThePolesHemisphere() {
        PolarStereographic positive = new PolarStereographic(Ellipsoid.WGS84, true, 71, 0);
        double[] xy = new double[2];
        double[] reference = new double[2];
        positive.forward(30, -75, xy);
        ANTARCTIC.forward(30, -75, reference);
        assertThat(xy).containsExactly(reference);
        assertThat(positive.toProj()).contains("+lat_0=-90 +lat_ts=-71 ");
        assertThat(positive.latitudeOfTrueScale()).isEqualTo(71);
    }

    @Test
    void inverseNearThePoleKeepsFullPrecision() {
        // 1 mm from the pole; Snyder (21-15) on the sphere: ρ = R (1 + sin φc) tan(colatitude / 2)
        double[] lonLat = new double[2];
        NORTH_SPHERE.inverse(0, -1e-3, lonLat);
        double colatitude = 2 * Math.atan(1e-3 / (6371229 * (1 + Math.sin(Math.toRadians(60)))));
        assertThat(lonLat[1]).isCloseTo(90 - Math.toDegrees(colatitude), within(Math.ulp(90.0)));
        assertThat(lonLat[0]).isCloseTo(-111, within(1e-12));
    }

    @Test
    void scaleIsTrueAlongTheLatitudeOfTrueScale() {
        double[] a = new double[2];
        double[] b = new double[2];
        NORTH_SPHERE.forward(249, 60, a);
        NORTH_SPHERE.forward(249.001, 60, b);
        double arc = 6371229 * Math.cos(Math.toRadians(60)) * Math.toRadians(0.001);
        assertThat(Math.hypot(b[0] - a[0], b[1] - a[1])).isCloseTo(arc, within(1e-6));
    }

    @Test
    void poleIsTheOriginAndTheCentralMeridianPointsDownTheYAxis() {
        double[] xy = new double[2];
        NORTH_SPHERE.forward(10, 90, xy);
        assertThat(xy[0]).isZero();
        assertThat(xy[1]).isZero();
        NORTH_SPHERE.forward(249, 50, xy);
        assertThat(xy[0]).isCloseTo(0, within(1e-9));
        assertThat(xy[1]).isNegative();
        ANTARCTIC.forward(0, -50, xy);
        assertThat(xy[1]).isPositive();
    }

    @Test
    void oppositePoleHasNoImage() {
        double[] xy = new double[2];
        NORTH_SPHERE.forward(0, -90, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
        ANTARCTIC.forward(0, 90, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void inverseOfTheOriginIsThePoleOnTheCentralMeridian() {
        double[] lonLat = new double[2];
        NORTH_SPHERE.inverse(0, 0, lonLat);
        assertThat(lonLat).containsExactly(-111, 90);
        ANTARCTIC.inverse(0, 0, lonLat);
        assertThat(lonLat).containsExactly(0, -90);
    }

    @Test
    void projStringNamesThePoleAndTheLatitudeOfTrueScale() {
        assertThat(NORTH_SPHERE.toProj())
                .isEqualTo("+proj=stere +lat_0=90 +lat_ts=60 +lon_0=249 +x_0=0 +y_0=0 +R=6371229 +no_defs");
        assertThat(ANTARCTIC.toProj())
                .isEqualTo("+proj=stere +lat_0=-90 +lat_ts=-71 +lon_0=0 +x_0=0 +y_0=0"
                        + " +a=6378137 +b=6356752.314245179 +no_defs");
    }

    @Test
    void wktIsStereographicNorthPoleWithItsStandardParallel() {
        assertThat(NORTH_SPHERE.toWkt())
                .isEqualTo("PROJCS[\"polar stereographic\",GEOGCS[\"Geographic on sphere\",DATUM[\"unknown\","
                        + "SPHEROID[\"Sphere\",6371229,0]],PRIMEM[\"Greenwich\",0],"
                        + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Stereographic_North_Pole\"],"
                        + "PARAMETER[\"standard_parallel_1\",60],PARAMETER[\"central_meridian\",-111],"
                        + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],"
                        + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]");
    }

    @Test
    void wktOfTheSouthPoleIsStereographicSouthPoleWithASouthernParallel() {
        assertThat(new PolarStereographic(Ellipsoid.sphere(6371229), true, 60, 0).toWkt())
                .contains("PROJECTION[\"Stereographic_South_Pole\"],PARAMETER[\"standard_parallel_1\",-60],");
    }

    @Test
    void equalProjectionsAreEqual() {
        assertThat(new PolarStereographic(Ellipsoid.WGS84, true, -71, 0))
                .isEqualTo(ANTARCTIC)
                .hasSameHashCodeAs(ANTARCTIC)
                .isNotEqualTo(new PolarStereographic(Ellipsoid.WGS84, false, -71, 0))
                .hasToString("PolarStereographic[ellipsoid=Ellipsoid[semiMajorAxis=6378137.0,"
                        + " semiMinorAxis=6356752.314245179], southPole=true, latitudeOfTrueScale=-71.0,"
                        + " centralMeridian=0.0]");
    }
}
