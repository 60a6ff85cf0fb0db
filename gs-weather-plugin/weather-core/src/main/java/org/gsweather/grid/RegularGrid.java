package org.gsweather.grid;

/**
 * Grid whose points are equally spaced in the projected coordinates of its projection: point {@code
 * (i, j)} sits at {@code x = x0 + i * dx}, {@code y = y0 + j * dy}. Negative increments express
 * scanning towards west or south.
 */
public record RegularGrid(Projection projection, int nx, int ny, double x0, double y0, double dx, double dy)
        implements Grid {

    public RegularGrid {
        if (nx <= 0 || ny <= 0) {
            throw new IllegalArgumentException("grid size must be positive: " + nx + "x" + ny);
        }
        if (!(dx != 0 && Double.isFinite(dx)) || !(dy != 0 && Double.isFinite(dy))) {
            throw new IllegalArgumentException("grid increments must be finite and non-zero: dx=" + dx + " dy=" + dy);
        }
    }

    @Override
    public void lonLat(double i, double j, double[] lonLat) {
        projection.inverse(x0 + i * dx, y0 + j * dy, lonLat);
    }

    @Override
    public void index(double lon, double lat, double[] ij) {
        projection.forward(lon, lat, ij);
        double i = (ij[0] - x0) / dx;
        ij[1] = (ij[1] - y0) / dy;
        if (isAngular(projection)) {
            i = Longitudes.normalizeColumn(i, nx, 360.0 / Math.abs(dx), wrapsLongitude());
        }
        ij[0] = i;
    }

    @Override
    public boolean wrapsLongitude() {
        return isAngular(projection) && Longitudes.coversCircle(nx, dx);
    }

    @Override
    public String describe() {
        return projection.name() + " " + nx + "x" + ny;
    }

    private static boolean isAngular(Projection p) {
        return p instanceof Geographic || p instanceof RotatedPole;
    }
}
