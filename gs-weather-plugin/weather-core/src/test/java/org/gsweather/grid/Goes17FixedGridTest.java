package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real GOES-17 ABI CONUS fixed grid (band 4, 2 km, 2500 x 1500) against PROJ and against the
 * navigation formulas of the GOES-R Product User Guide (PUG vol. 3, section 5.1.2.8), using the file's
 * own {@code goes_imager_projection} attributes and scan angles. The sector's north-western corner
 * looks across the antimeridian at the western Aleutians, 66° of arc from the sub-satellite point
 * (the limb is at 81°); rays closer to the limb are checked on their own.
 */
class Goes17FixedGridTest {
    private static final String FILE =
            "netcdf/goes/OR_ABI-L1b-RadC-M6C04_G17_s20193002001196_e20193002003569_c20193002004076.nc";

    private static GoesFixedGrid grid;
    private static Geostationary projection;
    /** Scan angles (radians) of a spread of pixels: every 53rd column of every 37th row, and the edges. */
    private static double[][] scanAngles;

    @BeforeAll
    static void readFixedGrid() {
        grid = GoesFixedGrid.read(TestData.file(FILE));
        projection = grid.projection();
        List<double[]> pixels = new ArrayList<>();
        int nx = grid.x.length;
        int ny = grid.y.length;
        for (int j = 0; j < ny; j += 37) {
            for (int i = 0; i < nx; i += 53) {
                pixels.add(new double[] {grid.x[i], grid.y[j]});
            }
        }
        for (int i = 0; i < nx; i += 11) {
            pixels.add(new double[] {grid.x[i], grid.y[0]});
            pixels.add(new double[] {grid.x[i], grid.y[ny - 1]});
        }
        for (int j = 0; j < ny; j += 11) {
            pixels.add(new double[] {grid.x[0], grid.y[j]});
            pixels.add(new double[] {grid.x[nx - 1], grid.y[j]});
        }
        pixels.add(new double[] {grid.x[0], grid.y[0]});
        pixels.add(new double[] {grid.x[nx - 1], grid.y[ny - 1]});
        scanAngles = pixels.toArray(new double[0][]);
    }

    @Test
    void attributesDefineGoes17WithXSweep() {
        assertThat(projection)
                .isEqualTo(new Geostationary(new Ellipsoid(6378137, 6356752.31414), 35786023, -137, true));
        assertThat(grid.x).hasSize(2500);
        assertThat(grid.y).hasSize(1500);
        assertThat(grid.x[0]).isEqualTo((double) -0.069972f);
        assertThat(grid.y[0]).isEqualTo((double) 0.128212f);
        assertThat(grid.x[1] - grid.x[0]).isCloseTo(5.6e-5, within(1e-11));
    }

    @Test
    void inverseMatchesPugNavigationAtEveryPixelOfTheSpread() {
        double[][] xy = metres(scanAngles);
        double[][] expected = new double[scanAngles.length][];
        for (int p = 0; p < scanAngles.length; p++) {
            expected[p] = pugLonLat(scanAngles[p][0], scanAngles[p][1]);
        }
        Agreement.inverse(projection, xy, expected, "GOES-17 CONUS vs PUG");
    }

    @Test
    void inverseMatchesProjAtEveryPixelOfTheSpread() {
        double[][] xy = metres(scanAngles);
        Agreement.inverse(projection, xy, Cs2cs.inverse(projection, xy), "GOES-17 CONUS vs PROJ");
    }

    @Test
    void forwardMatchesPugScanAnglesAtEveryPixelOfTheSpread() {
        double[][] lonLat = new double[scanAngles.length][];
        double[][] expected = new double[scanAngles.length][];
        for (int p = 0; p < scanAngles.length; p++) {
            lonLat[p] = pugLonLat(scanAngles[p][0], scanAngles[p][1]);
            double[] angles = pugScanAngles(lonLat[p][0], lonLat[p][1]);
            expected[p] =
                    new double[] {angles[0] * grid.perspectivePointHeight, angles[1] * grid.perspectivePointHeight};
        }
        Agreement.forward(projection, lonLat, expected, "GOES-17 CONUS forward vs PUG");
    }

    @Test
    void northWesternCornerPixelLiesAcrossTheAntimeridianAsPugPlacesIt() {
        double[] lonLat = new double[2];
        projection.inverse(grid.x[0] * grid.perspectivePointHeight, grid.y[0] * grid.perspectivePointHeight, lonLat);
        double[] pug = pugLonLat(grid.x[0], grid.y[0]);
        assertThat(lonLat[0]).isCloseTo(pug[0], within(1e-9));
        assertThat(lonLat[1]).isCloseTo(pug[1], within(1e-9));
        assertThat(lonLat[0]).isCloseTo(175.623568, within(1e-6));
        assertThat(lonLat[1]).isCloseTo(53.500066, within(1e-6));
    }

    /** Scan angles ever closer to the limb, in eight directions, and just beyond it. */
    @Test
    void raysGrazingTheLimbMatchPugAndPassingItHaveNoImage() {
        List<double[]> angles = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        double limb = Math.asin(grid.semiMajorAxis / (grid.semiMajorAxis + grid.perspectivePointHeight));
        for (int d = 0; d < 8; d++) {
            double azimuth = Math.toRadians(22.5 + 45 * d);
            for (double f : new double[] {0.99, 0.995, 0.999, 0.9999, 1.0001, 1.01}) {
                double x = f * limb * Math.cos(azimuth);
                double y = f * limb * Math.sin(azimuth);
                angles.add(new double[] {x, y});
                expected.add(pugLonLat(x, y));
            }
        }
        double[][] xy = metres(angles.toArray(new double[0][]));
        Agreement.inverse(projection, xy, expected.toArray(new double[0][]), "GOES-17 limb vs PUG");
        Agreement.inverse(projection, xy, Cs2cs.inverse(projection, xy), "GOES-17 limb vs PROJ");
        assertThat(expected.get(5)).as("1 % beyond the limb").containsOnly(Double.NaN);
    }

    private static double[][] metres(double[][] angles) {
        double[][] xy = new double[angles.length][];
        for (int p = 0; p < angles.length; p++) {
            xy[p] = new double[] {angles[p][0] * grid.perspectivePointHeight, angles[p][1] * grid.perspectivePointHeight
            };
        }
        return xy;
    }

    /**
     * PUG vol. 3, 5.1.2.8.1, "Fixed Grid to Geodetic": longitude and latitude (degrees) of scan angles x,
     * y (radians), or NaN when the ray misses the Earth.
     */
    private static double[] pugLonLat(double x, double y) {
        double req = grid.semiMajorAxis;
        double rpol = grid.semiMinorAxis;
        double h = grid.perspectivePointHeight + req;
        double lambda0 = Math.toRadians(grid.longitudeOfProjectionOrigin);
        double sinX = Math.sin(x);
        double cosX = Math.cos(x);
        double sinY = Math.sin(y);
        double cosY = Math.cos(y);
        double a = sinX * sinX + cosX * cosX * (cosY * cosY + req * req / (rpol * rpol) * sinY * sinY);
        double b = -2 * h * cosX * cosY;
        double c = h * h - req * req;
        double discriminant = b * b - 4 * a * c;
        if (discriminant < 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double rs = (-b - Math.sqrt(discriminant)) / (2 * a);
        double sx = rs * cosX * cosY;
        double sy = -rs * sinX;
        double sz = rs * cosX * sinY;
        double lat = Math.atan(req * req / (rpol * rpol) * sz / Math.sqrt((h - sx) * (h - sx) + sy * sy));
        double lon = lambda0 - Math.atan(sy / (h - sx));
        return new double[] {Longitudes.wrap(Math.toDegrees(lon)), Math.toDegrees(lat)};
    }

    /** PUG vol. 3, 5.1.2.8.2, "Geodetic to Fixed Grid": scan angles x, y (radians) of a point. */
    private static double[] pugScanAngles(double lonDegrees, double latDegrees) {
        double req = grid.semiMajorAxis;
        double rpol = grid.semiMinorAxis;
        double h = grid.perspectivePointHeight + req;
        double e2 = 1 - rpol * rpol / (req * req);
        double phi = Math.toRadians(latDegrees);
        double lambda = Math.toRadians(lonDegrees - grid.longitudeOfProjectionOrigin);
        double phiC = Math.atan(rpol * rpol / (req * req) * Math.tan(phi));
        double rc = rpol / Math.sqrt(1 - e2 * Math.cos(phiC) * Math.cos(phiC));
        double sx = h - rc * Math.cos(phiC) * Math.cos(lambda);
        double sy = -rc * Math.cos(phiC) * Math.sin(lambda);
        double sz = rc * Math.sin(phiC);
        double y = Math.atan(sz / sx);
        double x = Math.asin(-sy / Math.sqrt(sx * sx + sy * sy + sz * sz));
        return new double[] {x, y};
    }
}
