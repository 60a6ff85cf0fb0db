package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RotatedPoleTest {
    /** HRDPS (GRIB2 template 3.1 of the MSC files): south pole at 36.08852°S 245.305142°E. */
    private static final RotatedPole HRDPS = new RotatedPole(Ellipsoid.sphere(6371229), -36.08852, 245.305142, 0);
    /** GDAL's GRIB test grid: south pole at 30°S 15°W, on WGS84 this time. */
    private static final RotatedPole EUROPE = new RotatedPole(Ellipsoid.WGS84, -30, -15, 0);
    /** A rotated system also turned about its own polar axis. */
    private static final RotatedPole TURNED = new RotatedPole(Ellipsoid.sphere(6371229), -40, 10, 25);

    private static double[][] globe() {
        return Points.concat(
                Points.lattice(-180, 180, 7.5, -88, 88, 4),
                Points.of(
                        179.9999,
                        10,
                        -179.9999,
                        10,
                        0,
                        90,
                        0,
                        -90,
                        65.305142,
                        36.08852, // HRDPS north pole of the rotated system
                        245.305142 - 360,
                        -36.08852 + 1e-3));
    }

    /** Rotated coordinates over the whole rotated sphere, across its antimeridian and near its poles. */
    private static double[][] rotatedGlobe() {
        return Points.concat(
                Points.lattice(-180, 180, 7.5, -88, 88, 4),
                Points.of(179.9999, 0, -179.9999, 0, -14.82122, -12.302501, 42.30628, 16.7, 30, 89.99999));
    }

    @Test
    void forwardMatchesProjObTranWithGribConvention() {
        double[][] points = globe();
        Agreement.forward(HRDPS, points, Cs2cs.forward(HRDPS, points), "ob_tran HRDPS sphere");
        Agreement.forward(EUROPE, points, Cs2cs.forward(EUROPE, points), "ob_tran 30S 15W WGS84");
    }

    @Test
    void forwardWithAngleOfRotationMatchesProjObTran() {
        double[][] points = globe();
        Agreement.forward(TURNED, points, Cs2cs.forward(TURNED, points), "ob_tran angle 25");
    }

    @Test
    void inverseMatchesProjObTranWithGribConvention() {
        double[][] xy = rotatedGlobe();
        Agreement.inverse(HRDPS, xy, Cs2cs.inverse(HRDPS, xy), "ob_tran HRDPS sphere");
        Agreement.inverse(EUROPE, xy, Cs2cs.inverse(EUROPE, xy), "ob_tran 30S 15W WGS84");
    }

    @Test
    void inverseWithAngleOfRotationMatchesProjObTran() {
        double[][] xy = rotatedGlobe();
        Agreement.inverse(TURNED, xy, Cs2cs.inverse(TURNED, xy), "ob_tran angle 25");
    }

    @Test
    void inverseUndoesForward() {
        double[][] points = Points.lattice(-179.75, 179.75, 2.5, -89, 89, 1);
        Agreement.roundTrip(HRDPS, points, "rotated HRDPS");
        Agreement.roundTrip(TURNED, points, "rotated angle 25");
    }

    @Test
    void southPoleOfTheRotatedSystemIsItsPole() {
        double[] xy = new double[2];
        HRDPS.forward(245.305142, -36.08852, xy);
        assertThat(xy[1]).isCloseTo(-90, within(1e-9));
        EUROPE.forward(165, 30, xy);
        assertThat(xy[1]).isCloseTo(90, within(1e-9));
    }

    @Test
    void rotatedOriginLiesOnTheSouthPoleMeridianNinetyDegreesFromIt() {
        double[] lonLat = new double[2];
        EUROPE.inverse(0, 0, lonLat);
        assertThat(lonLat[0]).isCloseTo(-15, within(1e-12));
        assertThat(lonLat[1]).isCloseTo(60, within(1e-12));
    }

    @Test
    void angleOfRotationDecreasesRotatedLongitudes() {
        RotatedPole unturned = new RotatedPole(Ellipsoid.sphere(6371229), -40, 10, 0);
        double[] turned = new double[2];
        double[] plain = new double[2];
        TURNED.forward(20, 45, turned);
        unturned.forward(20, 45, plain);
        assertThat(turned[0]).isCloseTo(plain[0] - 25, within(1e-12));
        assertThat(turned[1]).isCloseTo(plain[1], within(1e-12));
    }

    @Test
    void rotatedLongitudeIsInRangeAcrossTheRotatedAntimeridian() {
        double[] lonLat = new double[2];
        double[] xy = new double[2];
        HRDPS.inverse(179.5, 20, lonLat);
        HRDPS.forward(lonLat[0], lonLat[1], xy);
        assertThat(xy[0]).isCloseTo(179.5, within(1e-9));
        HRDPS.inverse(-179.5, 20, lonLat);
        HRDPS.forward(lonLat[0] + 360, lonLat[1], xy);
        assertThat(xy[0]).isCloseTo(-179.5, within(1e-9));
    }

    @Test
    void cfNorthPoleAttributesGiveTheSameRotation() {
        // CF: grid_north_pole_latitude 36.08852, grid_north_pole_longitude 65.305142, north_pole_grid_longitude 0
        RotatedPole cf = RotatedPole.fromNorthPole(Ellipsoid.sphere(6371229), 36.08852, 65.305142, 0);
        assertThat(cf.southPoleLat()).isEqualTo(-36.08852);
        assertThat(cf.southPoleLon()).isCloseTo(-114.694858, within(1e-12));
        assertThat(cf.angleOfRotation()).isEqualTo(0);
        double[] a = new double[2];
        double[] b = new double[2];
        cf.forward(-100, 50, a);
        HRDPS.forward(-100, 50, b);
        assertThat(a[0]).isCloseTo(b[0], within(1e-12));
        assertThat(a[1]).isCloseTo(b[1], within(1e-12));
    }

    @Test
    void cfNorthPoleAttributesMatchProjCfConvention() {
        // PROJ/GDAL map CF rotated_latitude_longitude to o_lat_p = grid_north_pole_latitude,
        // o_lon_p = north_pole_grid_longitude, lon_0 = 180 + grid_north_pole_longitude
        RotatedPole cf = RotatedPole.fromNorthPole(Ellipsoid.sphere(6371229), 39.25, -162, 30);
        String proj = "+proj=ob_tran +o_proj=longlat +o_lat_p=39.25 +o_lon_p=30 +lon_0=18 +R=6371229 +no_defs";
        double[][] points = globe();
        Agreement.forward(cf, points, Cs2cs.forward(cf.ellipsoid(), proj, points), "ob_tran CF convention");
    }

    @Test
    void projStringIsObTranInGribConvention() {
        assertThat(HRDPS.toProj())
                .isEqualTo("+proj=ob_tran +o_proj=longlat +o_lat_p=36.08852 +o_lon_p=0 +lon_0=245.305142"
                        + " +R=6371229 +no_defs");
        assertThat(TURNED.toProj()).startsWith("+proj=ob_tran +o_proj=longlat +o_lat_p=40 +o_lon_p=-25 +lon_0=10 ");
    }

    @Test
    void wktIsGeoToolsRotatedPoleWithTheRotatedOrigin() {
        assertThat(HRDPS.toWkt())
                .isEqualTo("PROJCS[\"rotated lat/lon\",GEOGCS[\"Geographic on sphere\",DATUM[\"unknown\","
                        + "SPHEROID[\"Sphere\",6371229,0]],PRIMEM[\"Greenwich\",0],"
                        + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Rotated_Pole\"],"
                        + "PARAMETER[\"latitude_of_origin\",53.91148],PARAMETER[\"central_meridian\",-114.694858],"
                        + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],"
                        + "PARAMETER[\"false_northing\",0],UNIT[\"degree\",1]]");
    }

    @Test
    void wktCarriesTheAngleOfRotationAsFalseEasting() {
        assertThat(TURNED.toWkt()).contains("PARAMETER[\"false_easting\",-25]");
    }

    @Test
    void equalProjectionsAreEqual() {
        assertThat(new RotatedPole(Ellipsoid.sphere(6371229), -36.08852, 245.305142, 0))
                .isEqualTo(HRDPS)
                .hasSameHashCodeAs(HRDPS)
                .isNotEqualTo(EUROPE)
                .hasToString("RotatedPole[ellipsoid=Ellipsoid[semiMajorAxis=6371229.0, semiMinorAxis=6371229.0],"
                        + " southPoleLat=-36.08852, southPoleLon=245.305142, angleOfRotation=0.0]");
    }
}
