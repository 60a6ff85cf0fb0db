package org.gsweather.netcdf;

import org.gsweather.grid.Geostationary;

/**
 * Which scan angles of a geostationary imager see the Earth: the line of sight from the satellite meets
 * the ellipsoid when the quadratic of the GOES-R Product User Guide (vol. 3, section 4.2.8.1; PROJ
 * {@code geos} inverse) has real roots. For a given row, the visible columns are those with a scan
 * angle of absolute value up to a limit found by bisection, so a full disk is masked row by row.
 */
final class EarthDisk {
    private final double radiusRatio;
    private final double c;
    private final double rg;
    private final boolean sweepX;

    EarthDisk(Geostationary p) {
        double a = p.ellipsoid().semiMajorAxis();
        double h = p.perspectiveHeight();
        this.radiusRatio = p.ellipsoid().semiMinorAxis() / a;
        this.rg = 1 + h / a;
        this.c = rg * rg - 1;
        this.sweepX = p.sweepX();
    }

    /** Whether the pixel at scan angles {@code x}, {@code y} (radians) looks at the Earth. */
    boolean sees(double x, double y) {
        double vy;
        double vz;
        if (sweepX) {
            vz = Math.tan(y);
            vy = Math.tan(x) * Math.hypot(1, vz);
        } else {
            vy = Math.tan(x);
            vz = Math.tan(y) * Math.hypot(1, vy);
        }
        double q = vz / radiusRatio;
        double a = vy * vy + q * q + 1;
        double b = -2 * rg;
        return b * b - 4 * a * c >= 0;
    }

    /** The largest |x| that sees the Earth in the row of scan angle {@code y}, or -1 when none does. */
    double limit(double y) {
        if (!sees(0, y)) {
            return -1;
        }
        double lo = 0;
        double hi = 0.5;
        for (int k = 0; k < 60; k++) {
            double mid = 0.5 * (lo + hi);
            if (sees(mid, y)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
