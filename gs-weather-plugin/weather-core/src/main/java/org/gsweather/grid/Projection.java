package org.gsweather.grid;

/**
 * Map projection of a grid: geographic longitude/latitude in degrees to projected coordinates and back.
 *
 * <p>Projected coordinates are metres (as PROJ reports them), except for {@link Geographic} and
 * {@link RotatedPole}, whose coordinates are (rotated) longitude and latitude in degrees. Methods write
 * into a caller-owned two-element array so that sampling loops allocate nothing; a point without an
 * image (behind a geostationary disk, a pole of Mercator) yields {@code NaN} in both elements.
 * Implementations are immutable and thread-safe.
 */
public sealed interface Projection
        permits Geographic,
                RotatedPole,
                Mercator,
                PolarStereographic,
                LambertConformal,
                Geostationary,
                ExternalProjection {

    Ellipsoid ellipsoid();

    /** Name for listings, e.g. {@code Lambert conformal}. */
    String name();

    /** Longitude/latitude in degrees to projected x/y, written to {@code xy[0]}, {@code xy[1]}. */
    void forward(double lon, double lat, double[] xy);

    /** Projected x/y to longitude/latitude in degrees (longitude in [-180, 180]). */
    void inverse(double x, double y, double[] lonLat);

    /** Equivalent PROJ string, e.g. {@code +proj=lcc +lat_1=25 +lat_2=25 +lat_0=25 +lon_0=265 +R=6371229}. */
    String toProj();

    /** Equivalent OGC WKT 1 coordinate reference system, as GeoTools parses it. */
    String toWkt();
}
