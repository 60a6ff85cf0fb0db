package org.gsweather.grid;

import java.util.Objects;

/**
 * A projection whose formulas come from outside the core, e.g. a map server's CRS library for a CRS the
 * core does not implement (EPSG:3035, EPSG:27700, a UTM zone). The core draws in it as in its own
 * projections; accuracy and thread-safety are the supplier's.
 *
 * @param name the CRS's identifier, e.g. {@code EPSG:3035}
 * @param ellipsoid the CRS's ellipsoid (informative: the formulas are the supplier's)
 * @param forward longitude/latitude in degrees to projected x/y; NaN where there is no image
 * @param inverse projected x/y to longitude/latitude in degrees; NaN where there is no image
 * @param wkt the CRS as WKT, for {@link #toWkt()}
 */
public record ExternalProjection(
        String name, Ellipsoid ellipsoid, PointTransform forward, PointTransform inverse, String wkt)
        implements Projection {

    /** A transform of one point, writing into a caller-owned two-element array. Must be thread-safe. */
    @FunctionalInterface
    public interface PointTransform {
        void apply(double a, double b, double[] out);
    }

    public ExternalProjection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(inverse, "inverse");
    }

    @Override
    public void forward(double lon, double lat, double[] xy) {
        forward.apply(lon, lat, xy);
    }

    @Override
    public void inverse(double x, double y, double[] lonLat) {
        inverse.apply(x, y, lonLat);
    }

    /** No PROJ string is known: the formulas are the supplier's. */
    @Override
    public String toProj() {
        return "";
    }

    @Override
    public String toWkt() {
        return wkt;
    }
}
