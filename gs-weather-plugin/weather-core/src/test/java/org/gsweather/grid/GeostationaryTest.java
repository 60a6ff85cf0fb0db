package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeostationaryTest {
    /** GOES-17 (GOES-R ABI fixed grid): GRS80 axes of the files, x sweep. */
    private static final Geostationary GOES17 =
            new Geostationary(new Ellipsoid(6378137, 6356752.31414), 35786023, -137, true);
    /** Meteosat SEVIRI (CGMS): y sweep. */
    private static final Geostationary METEOSAT =
            new Geostationary(new Ellipsoid(6378169, 6356583.8), 35785831, 0, false);
    /** Himawari AHI (y sweep) on WGS84. */
    private static final Geostationary HIMAWARI = new Geostationary(Ellipsoid.WGS84, 35785863, 140.7, false);
    /** A sphere, x sweep, sub-satellite point near the antimeridian. */
    private static final Geostationary SPHERE_ANTIMERIDIAN =
            new Geostationary(Ellipsoid.sphere(6371229), 35786023, 170, true);

    /** The whole globe: the visible disk, its edge and the far side. */
    private static double[][] globe(double subSatelliteLon) {
        return Points.concat(
                Points.lattice(-180, 180, 5, -85, 85, 5),
                Points.of(
                        subSatelliteLon,
                        0,
                        subSatelliteLon + 80,
                        0,
                        subSatelliteLon - 81,
                        0.5,
                        subSatelliteLon,
                        80.5,
                        subSatelliteLon + 30,
                        -75,
                        subSatelliteLon + 179.9,
                        10));
    }

    /** Scan angles over ±0.16 rad: the disk and the space around it. */
    private static double[][] fixedGrid(Geostationary p) {
        double h = p.perspectiveHeight();
        return Points.lattice(-0.16 * h, 0.16 * h, 0.008 * h, -0.16 * h, 0.16 * h, 0.008 * h);
    }

    private static void forwardMatchesProj(Geostationary p, String what) {
        double[][] points = globe(p.subSatelliteLon());
        Agreement.forward(p, points, Cs2cs.forward(p, points), what);
    }

    /**
     * The points a satellite above a sphere sees: cos(arc to the sub-satellite point) > R / (R + h),
     * with a margin. PROJ's spherical forward does not test visibility (it projects the far side).
     */
    private static double[][] visibleFromAboveSphere(Geostationary p, double[][] lonLat) {
        double horizon = p.ellipsoid().semiMajorAxis() / (p.ellipsoid().semiMajorAxis() + p.perspectiveHeight());
        return Arrays.stream(lonLat)
                .filter(q -> Math.cos(Math.toRadians(q[1])) * Math.cos(Math.toRadians(q[0] - p.subSatelliteLon()))
                        > horizon + 1e-9)
                .toArray(double[][]::new);
    }

    private static void inverseMatchesProj(Geostationary p, String what) {
        double[][] xy = fixedGrid(p);
        Agreement.inverse(p, xy, Cs2cs.inverse(p, xy), what);
    }

    @Test
    void forwardWithXSweepMatchesProj() {
        forwardMatchesProj(GOES17, "geos GOES-17 sweep x");
    }

    @Test
    void forwardWithYSweepMatchesProj() {
        forwardMatchesProj(METEOSAT, "geos Meteosat sweep y");
        forwardMatchesProj(HIMAWARI, "geos Himawari WGS84 sweep y");
    }

    @Test
    void forwardOnSphereAcrossTheAntimeridianMatchesProjOnTheVisibleDisk() {
        double[][] points = visibleFromAboveSphere(SPHERE_ANTIMERIDIAN, globe(170));
        Agreement.forward(
                SPHERE_ANTIMERIDIAN, points, Cs2cs.forward(SPHERE_ANTIMERIDIAN, points), "geos sphere lon_0 170");
    }

    @Test
    void farSideOfASphereHasNoImageWherePROJStillProjectsIt() {
        double[][] antipode = Points.of(-10, 0);
        assertThat(Cs2cs.forward(SPHERE_ANTIMERIDIAN, antipode)[0])
                .as("PROJ 9 spherical geos")
                .doesNotContain(Double.NaN);
        double[] xy = new double[2];
        SPHERE_ANTIMERIDIAN.forward(-10, 0, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
        assertThat(Points.visible(SPHERE_ANTIMERIDIAN, globe(170)))
                .isDeepEqualTo(visibleFromAboveSphere(SPHERE_ANTIMERIDIAN, globe(170)));
    }

    @Test
    void inverseWithXSweepMatchesProj() {
        inverseMatchesProj(GOES17, "geos GOES-17 sweep x");
    }

    @Test
    void inverseWithYSweepMatchesProj() {
        inverseMatchesProj(METEOSAT, "geos Meteosat sweep y");
        inverseMatchesProj(HIMAWARI, "geos Himawari WGS84 sweep y");
    }

    @Test
    void inverseOnSphereAcrossTheAntimeridianMatchesProj() {
        inverseMatchesProj(SPHERE_ANTIMERIDIAN, "geos sphere lon_0 170");
    }

    @Test
    void inverseUndoesForwardOnTheVisibleDisk() {
        double[][] disk = Points.visible(GOES17, Points.lattice(-137 - 78, -137 + 78, 1.5, -78, 78, 1.5));
        Agreement.roundTrip(GOES17, disk, "geos GOES-17");
        double[][] meteosatDisk = Points.visible(METEOSAT, Points.lattice(-78, 78, 1.5, -78, 78, 1.5));
        Agreement.roundTrip(METEOSAT, meteosatDisk, "geos Meteosat");
    }

    @Test
    void subSatellitePointIsTheOrigin() {
        double[] xy = new double[2];
        GOES17.forward(-137, 0, xy);
        assertThat(xy[0]).isCloseTo(0, within(1e-9));
        assertThat(xy[1]).isCloseTo(0, within(1e-9));
    }

    @Test
    void farSideOfTheEarthHasNoImage() {
        double[] xy = new double[2];
        GOES17.forward(43, 0, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
        METEOSAT.forward(0, 85, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void scanAnglesMissingTheEarthHaveNoImage() {
        double[] lonLat = new double[2];
        GOES17.inverse(0.155 * 35786023, 0, lonLat);
        assertThat(lonLat).containsExactly(Double.NaN, Double.NaN);
        GOES17.inverse(Math.PI * 35786023, 0, lonLat); // tan(π) would fold the ray back onto the disk
        assertThat(lonLat).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void sweepAxisChangesOffAxisScanAngles() {
        Geostationary ySweep = new Geostationary(GOES17.ellipsoid(), 35786023, -137, false);
        double[] x = new double[2];
        double[] y = new double[2];
        GOES17.forward(-100, 40, x);
        ySweep.forward(-100, 40, y);
        assertThat(Math.abs(x[0] - y[0])).isGreaterThan(1000);
        assertThat(Math.abs(x[1] - y[1])).isGreaterThan(1000);
    }

    @Test
    void projStringNamesHeightLongitudeAndSweep() {
        assertThat(GOES17.toProj())
                .isEqualTo("+proj=geos +h=35786023 +lon_0=-137 +sweep=x +x_0=0 +y_0=0"
                        + " +a=6378137 +b=6356752.31414 +no_defs");
        assertThat(METEOSAT.toProj())
                .isEqualTo("+proj=geos +h=35785831 +lon_0=0 +sweep=y +x_0=0 +y_0=0 +a=6378169 +b=6356583.8 +no_defs");
    }

    @Test
    void wktOfYSweepIsGeoToolsGeostationarySatellite() {
        assertThat(METEOSAT.toWkt())
                .isEqualTo("PROJCS[\"geostationary\",GEOGCS[\"Geographic on ellipsoid\",DATUM[\"unknown\","
                        + "SPHEROID[\"Ellipsoid\",6378169,295.488065897]],PRIMEM[\"Greenwich\",0],"
                        + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Geostationary_Satellite\"],"
                        + "PARAMETER[\"central_meridian\",0],PARAMETER[\"satellite_height\",35785831],"
                        + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]");
    }

    @Test
    void wktOfXSweepCarriesTheExactProjDefinition() {
        assertThat(GOES17.toWkt())
                .startsWith("PROJCS[\"geostationary\",GEOGCS[")
                .contains("PROJECTION[\"Geostationary_Satellite\"],PARAMETER[\"central_meridian\",-137],"
                        + "PARAMETER[\"satellite_height\",35786023],")
                .endsWith(",UNIT[\"metre\",1],EXTENSION[\"PROJ4\",\"+proj=geos +h=35786023 +lon_0=-137 +sweep=x"
                        + " +x_0=0 +y_0=0 +a=6378137 +b=6356752.31414 +no_defs\"]]");
    }

    @Test
    void equalProjectionsAreEqual() {
        assertThat(new Geostationary(new Ellipsoid(6378137, 6356752.31414), 35786023, -137, true))
                .isEqualTo(GOES17)
                .hasSameHashCodeAs(GOES17)
                .isNotEqualTo(new Geostationary(new Ellipsoid(6378137, 6356752.31414), 35786023, -137, false))
                .hasToString("Geostationary[ellipsoid=Ellipsoid[semiMajorAxis=6378137.0, semiMinorAxis=6356752.31414],"
                        + " perspectiveHeight=3.5786023E7, subSatelliteLon=-137.0, sweepX=true]");
    }
}
