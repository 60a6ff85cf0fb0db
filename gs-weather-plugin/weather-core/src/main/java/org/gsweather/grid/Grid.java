package org.gsweather.grid;

/**
 * Georeferencing of a field: {@code nx} columns by {@code ny} rows of grid points, with the exact mapping
 * between fractional grid indices and geographic coordinates.
 *
 * <p>Grid point {@code (i, j)} holds value {@code values[j * nx + i]} of the field (row-major, rows
 * in the order the file scans them). Fractional indices place a point between grid points: {@code
 * (0.5, 0)} lies halfway between the first two points of the first row. Methods write into
 * caller-owned arrays and allocate nothing, so that they can be called per output pixel.
 * Implementations are immutable and thread-safe.
 */
public sealed interface Grid permits RegularGrid, GaussianGrid {

    int nx();

    int ny();

    Projection projection();

    /** Longitude/latitude in degrees of a fractional grid index; the longitude is not normalized. */
    void lonLat(double i, double j, double[] lonLat);

    /**
     * Fractional grid index of a longitude/latitude in degrees, written to {@code ij[0]} (column) and
     * {@code ij[1]} (row). Points outside the grid give indices outside {@code [0, n-1]}; points the
     * projection cannot represent give {@code NaN}. For grids that wrap around the globe in longitude
     * ({@link #wrapsLongitude()}), the column is in {@code [0, nx)} when the grid covers the full
     * circle and may then lie between the last column and the first.
     */
    void index(double lon, double lat, double[] ij);

    /**
     * True when column {@code nx} is column {@code 0} again (global longitude coverage), so that a
     * sampler interpolates between the last and the first column.
     */
    boolean wrapsLongitude();

    /** Number of grid points. */
    default int size() {
        return nx() * ny();
    }

    /** Short human description, e.g. {@code "Lambert conformal 1799x1059"}. */
    String describe();
}
