package org.gsweather.render;

import org.gsweather.grid.Geographic;
import org.gsweather.grid.Projection;
import org.gsweather.grid.RotatedPole;

/**
 * The direction of true north in a projection's x/y plane at a point, by a finite difference of the
 * projection (meridian convergence), as a unit vector {@code (sin a, cos a)}: {@code a} is the angle
 * from the projection's +y axis to north, clockwise positive. Angular projections (lat/lon, rotated
 * pole) are scaled by the cosine of their latitude so that the plane is locally conformal.
 */
final class NorthAngle {
    private static final double STEP = 1e-4;

    private final double[] p0 = new double[2];
    private final double[] p1 = new double[2];

    /** Writes the unit north vector (x, y) at lon/lat to {@code north}; NaN where it is undefined. */
    void north(Projection projection, double lon, double lat, double[] north) {
        double step = lat > 90 - 2 * STEP ? -STEP : STEP;
        projection.forward(lon, lat, p0);
        projection.forward(lon, lat + step, p1);
        double dx = p1[0] - p0[0];
        double dy = p1[1] - p0[1];
        if (projection instanceof RotatedPole || projection instanceof Geographic) {
            if (dx > 180) {
                dx -= 360;
            } else if (dx < -180) {
                dx += 360;
            }
            dx *= Math.cos(Math.toRadians(0.5 * (p0[1] + p1[1])));
        }
        if (step < 0) {
            dx = -dx;
            dy = -dy;
        }
        double len = Math.hypot(dx, dy);
        north[0] = dx / len;
        north[1] = dy / len;
    }

    /**
     * Turns a wind given along a grid's x/y axes into east/north components in place: {@code
     * uv[0]}, {@code uv[1]}.
     */
    void gridToEarth(Projection grid, double lon, double lat, double[] uv, double[] scratch) {
        north(grid, lon, lat, scratch);
        double nx = scratch[0];
        double ny = scratch[1];
        double ug = uv[0];
        double vg = uv[1];
        uv[0] = ug * ny - vg * nx;
        uv[1] = ug * nx + vg * ny;
    }
}
