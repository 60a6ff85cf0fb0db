package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LambertConformalTest {
    /** NCEP grid 218 (NAM 12 km): tangent cone at 25°N on the GRIB2 sphere. */
    private static final LambertConformal NAM = new LambertConformal(Ellipsoid.sphere(6371229), 25, 25, 25, 265);
    /** Secant cone on WGS84 with the latitude of origin off both parallels. */
    private static final LambertConformal SECANT = new LambertConformal(Ellipsoid.WGS84, 33, 45, 40, -97);
    /** Southern cone (apex at the south pole) on WGS84, central meridian near the antimeridian. */
    private static final LambertConformal SOUTH = new LambertConformal(Ellipsoid.WGS84, -20, -40, -30, 170);
    /** Tangent cone on WGS84 whose latitude of origin differs from the standard parallel. */
    private static final LambertConformal TANGENT = new LambertConformal(Ellipsoid.WGS84, 50, 50, 45, 10);

    /** Whole globe but a cap round the pole opposite the apex, across the antimeridian, and edge points. */
    private static double[][] northernConePoints(double centralMeridian) {
        return Points.concat(
                Points.lattice(-180, 180, 7.5, -84, 88, 4),
                Points.of(
                        centralMeridian + 179.9999,
                        40,
                        centralMeridian - 179.9999,
                        40,
                        179.5,
                        30,
                        -179.5,
                        30,
                        0,
                        89.9999999,
                        30,
                        89.999,
                        0,
                        90,
                        60,
                        -89.5,
                        -120,
                        -89.9,
                        centralMeridian,
                        0,
                        centralMeridian,
                        45));
    }

    private static double[][] southernConePoints() {
        double[][] north = northernConePoints(SOUTH.centralMeridian());
        double[][] mirrored = new double[north.length][];
        for (int i = 0; i < north.length; i++) {
            mirrored[i] = new double[] {north[i][0], -north[i][1]};
        }
        return mirrored;
    }

    private static void forwardMatchesProj(LambertConformal p, double[][] points, String what) {
        Agreement.forward(p, points, Cs2cs.forward(p, points), what);
    }

    @Test
    void forwardOfTangentSphereConeMatchesProj() {
        forwardMatchesProj(NAM, northernConePoints(265), "lcc NAM sphere");
    }

    @Test
    void forwardOfSecantWgs84ConeMatchesProj() {
        forwardMatchesProj(SECANT, northernConePoints(-97), "lcc secant WGS84");
    }

    @Test
    void forwardOfSouthernConeMatchesProj() {
        forwardMatchesProj(SOUTH, southernConePoints(), "lcc southern WGS84");
    }

    @Test
    void forwardOfTangentConeWithOtherLatitudeOfOriginMatchesProj() {
        forwardMatchesProj(TANGENT, northernConePoints(10), "lcc tangent 50 origin 45 WGS84");
    }

    /** Projected points spread over the conterminous grid of NAM 218 and far beyond it. */
    private static double[][] projectedPoints(LambertConformal p) {
        double[] apex = new double[2];
        p.forward(0, Math.copySign(90, p.standardParallel1()), apex);
        return Points.concat(
                Points.lattice(-9e6, 9e6, 6e5, -7e6, 9e6, 6e5),
                Points.of(apex[0], apex[1], 1e-3, apex[1], 3e7, -2e7, -3e7, -2e7));
    }

    @Test
    void inverseOfTangentSphereConeMatchesProj() {
        double[][] xy = projectedPoints(NAM);
        Agreement.inverse(NAM, xy, Cs2cs.inverse(NAM, xy), "lcc NAM sphere");
    }

    @Test
    void inverseOfSecantWgs84ConeMatchesProj() {
        double[][] xy = projectedPoints(SECANT);
        Agreement.inverse(SECANT, xy, Cs2cs.inverse(SECANT, xy), "lcc secant WGS84");
    }

    @Test
    void inverseOfSouthernConeMatchesProj() {
        double[][] xy = projectedPoints(SOUTH);
        Agreement.inverse(SOUTH, xy, Cs2cs.inverse(SOUTH, xy), "lcc southern WGS84");
    }

    @Test
    void inverseOfTangentConeWithOtherLatitudeOfOriginMatchesProj() {
        double[][] xy = projectedPoints(TANGENT);
        Agreement.inverse(TANGENT, xy, Cs2cs.inverse(TANGENT, xy), "lcc tangent 50 origin 45 WGS84");
    }

    @Test
    void inverseUndoesForwardOnBothHemispheresAndAcrossTheAntimeridian() {
        double[][] points = Points.lattice(-179.75, 179.75, 2.5, -80, 88, 2);
        Agreement.roundTrip(SECANT, points, "lcc secant WGS84");
        Agreement.roundTrip(NAM, points, "lcc NAM sphere");
    }

    @Test
    void southernConeInverseUndoesForward() {
        Agreement.roundTrip(SOUTH, Points.lattice(-179.75, 179.75, 2.5, -88, 80, 2), "lcc southern WGS84");
    }

    @Test
    void latitudeOfOriginOnTheCentralMeridianIsTheOrigin() {
        double[] xy = new double[2];
        SECANT.forward(-97, 40, xy);
        assertThat(xy[0]).isCloseTo(0, within(1e-9));
        assertThat(xy[1]).isCloseTo(0, within(1e-9));
    }

    @Test
    void apexPoleProjectsToTheApex() {
        double[] north = new double[2];
        double[] south = new double[2];
        NAM.forward(123, 90, north);
        SOUTH.forward(-45, -90, south);
        assertThat(north[0]).isEqualTo(0);
        assertThat(north[1]).isCloseTo(Cs2cs.forward(NAM, Points.of(123, 90))[0][1], within(Agreement.MILLIMETRE));
        assertThat(south[0]).isEqualTo(0);
        assertThat(south[1]).isCloseTo(Cs2cs.forward(SOUTH, Points.of(-45, -90))[0][1], within(Agreement.MILLIMETRE));
    }

    @Test
    void poleOppositeTheApexHasNoImage() {
        double[] xy = new double[2];
        NAM.forward(10, -90, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
        SOUTH.forward(10, 90, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void latitudesBeyondThePolesHaveNoImage() {
        double[] xy = new double[2];
        SECANT.forward(10, 90.5, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
        SECANT.forward(10, Double.NaN, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void inverseOfTheApexIsThePoleOnTheCentralMeridian() {
        double[] apex = new double[2];
        double[] lonLat = new double[2];
        SOUTH.forward(0, -90, apex);
        SOUTH.inverse(apex[0], apex[1], lonLat);
        assertThat(lonLat).containsExactly(170, -90);
    }

    @Test
    void inverseLongitudeIsWrappedIntoRange() {
        double[] xy = new double[2];
        double[] lonLat = new double[2];
        NAM.forward(-179.9, 30, xy); // 265 + 95.1: east of the antimeridian
        NAM.inverse(xy[0], xy[1], lonLat);
        assertThat(lonLat[0]).isCloseTo(-179.9, within(1e-9));
    }

    @Test
    void projStringsNameEveryParameter() {
        assertThat(NAM.toProj())
                .isEqualTo("+proj=lcc +lat_1=25 +lat_2=25 +lat_0=25 +lon_0=265 +x_0=0 +y_0=0 +R=6371229 +no_defs");
        assertThat(SECANT.toProj())
                .isEqualTo("+proj=lcc +lat_1=33 +lat_2=45 +lat_0=40 +lon_0=-97 +x_0=0 +y_0=0"
                        + " +a=6378137 +b=6356752.314245179 +no_defs");
    }

    @Test
    void wktOfTangentConeAtTheOriginIsLambertConformalConic1SP() {
        assertThat(NAM.toWkt())
                .isEqualTo("PROJCS[\"Lambert conformal\",GEOGCS[\"Geographic on sphere\",DATUM[\"unknown\","
                        + "SPHEROID[\"Sphere\",6371229,0]],PRIMEM[\"Greenwich\",0],"
                        + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic_1SP\"],"
                        + "PARAMETER[\"latitude_of_origin\",25],PARAMETER[\"central_meridian\",-95],"
                        + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],"
                        + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]");
    }

    @Test
    void wktOfOtherConesIsLambertConformalConic2SP() {
        assertThat(TANGENT.toWkt())
                .isEqualTo("PROJCS[\"Lambert conformal\",GEOGCS[\"Geographic on ellipsoid\",DATUM[\"unknown\","
                        + "SPHEROID[\"Ellipsoid\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],"
                        + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic_2SP\"],"
                        + "PARAMETER[\"standard_parallel_1\",50],PARAMETER[\"standard_parallel_2\",50],"
                        + "PARAMETER[\"latitude_of_origin\",45],PARAMETER[\"central_meridian\",10],"
                        + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]");
    }

    @Test
    void parallelsSymmetricAboutTheEquatorAreRejected() {
        assertThatThrownBy(() -> new LambertConformal(Ellipsoid.WGS84, 30, -30, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric");
    }

    @Test
    void equalProjectionsAreEqual() {
        assertThat(new LambertConformal(Ellipsoid.sphere(6371229), 25, 25, 25, 265))
                .isEqualTo(NAM)
                .hasSameHashCodeAs(NAM)
                .isNotEqualTo(SECANT);
        assertThat(NAM.toString())
                .isEqualTo("LambertConformal[ellipsoid=Ellipsoid[semiMajorAxis=6371229.0, semiMinorAxis=6371229.0],"
                        + " standardParallel1=25.0, standardParallel2=25.0, latitudeOfOrigin=25.0,"
                        + " centralMeridian=265.0]");
    }
}
