package org.gsweather.geoserver;

/**
 * The grid a read samples: what GeoServer asked for, unless that is more than {@link #MAX_SAMPLES} samples. Then, along
 * each axis asked finer than the coverage's own cells, it is those cells over the requested range (the range widened
 * to whole cells): one sample per cell, at its centre, which is exactly its value; GeoServer warps that to the output,
 * as it does the native-resolution crops of other raster readers. GeoServer asks for the finest resolution it finds
 * anywhere in the requested area, which in Web Mercator near the poles is tens of times a grid's own (a 1024-pixel
 * metatile of a 0.24 degree grid asked for 11980x5674 samples, 270 MB of floats). Ordinary requests are drawn as
 * asked, so that cell edges fall exactly where {@code wx render} puts them (cell-aligned reads of every oversampled
 * request cut the polar rows of Web Mercator maps of the 2.5 degree GFS).
 *
 * @param minX lower edge of the x range, native CRS (likewise minY, maxX, maxY)
 * @param width samples along x (likewise height along y)
 */
record ReadGrid(double minX, double minY, double maxX, double maxY, int width, int height) {
    /** The largest side the sampler draws. */
    static final int MAX_SIDE = 8192;

    /** The most samples a read draws as asked (64 MB of floats). */
    static final long MAX_SAMPLES = 4096L * 4096;

    /**
     * The grid for a request of {@code width x height} samples over the range; {@code gridMinX, gridMinY} are the
     * lower edges of the coverage's grid and {@code cellX, cellY} its cell sizes, in the native CRS.
     */
    static ReadGrid of(
            double minX,
            double minY,
            double maxX,
            double maxY,
            int width,
            int height,
            double gridMinX,
            double gridMinY,
            double cellX,
            double cellY) {
        if ((long) width * height <= MAX_SAMPLES && width <= MAX_SIDE && height <= MAX_SIDE) {
            return new ReadGrid(minX, minY, maxX, maxY, Math.max(1, width), Math.max(1, height));
        }
        double[] x = axis(minX, maxX, width, gridMinX, cellX);
        double[] y = axis(minY, maxY, height, gridMinY, cellY);
        return new ReadGrid(x[0], y[0], x[1], y[1], (int) x[2], (int) y[2]);
    }

    /** {lower, upper, samples} along one axis. */
    private static double[] axis(double min, double max, int requested, double gridMin, double cell) {
        double span = max - min;
        if (!(cell > 0) || !(span > 0) || requested <= span / cell) {
            return new double[] {min, max, Math.max(1, Math.min(requested, MAX_SIDE))};
        }
        // small tolerance: an edge already on a cell boundary must not gain a cell from rounding
        long first = (long) Math.floor((min - gridMin) / cell + 1e-9);
        long last = (long) Math.ceil((max - gridMin) / cell - 1e-9);
        long cells = Math.max(1, last - first);
        if (cells > MAX_SIDE) {
            return new double[] {min, max, MAX_SIDE};
        }
        return new double[] {gridMin + first * cell, gridMin + (first + cells) * cell, cells};
    }
}
