package org.gsweather.loadtest.tiles;

/**
 * One zoom level of a tile matrix set, as WMTS 1.0 defines it. The origin is the top-left corner in the CRS's
 * (easting, northing) order, whatever order the capabilities wrote it in.
 */
public record TileMatrix(
        String identifier,
        double scaleDenominator,
        double originX,
        double originY,
        int tileWidth,
        int tileHeight,
        long matrixWidth,
        long matrixHeight) {

    /** OGC's standardized rendering pixel size, 0.28 mm (WMTS 1.0, 07-057r7, section 6.1). */
    public static final double PIXEL_SIZE_METERS = 0.28e-3;

    public TileMatrix {
        if (!(scaleDenominator > 0) || tileWidth <= 0 || tileHeight <= 0 || matrixWidth <= 0 || matrixHeight <= 0) {
            throw new IllegalArgumentException("tile matrix " + identifier + ": scale denominator, tile size and"
                    + " matrix size must be positive");
        }
    }

    /** The size of one pixel in CRS units. */
    public double pixelSpan(Crs crs) {
        return scaleDenominator * PIXEL_SIZE_METERS / crs.metersPerUnit();
    }

    public TileRange all() {
        return new TileRange(0, 0, matrixWidth - 1, matrixHeight - 1);
    }

    /**
     * The tiles covering a box given in CRS units (x easting, y northing), clipped to the matrix; null when the box
     * misses the matrix. A box edge lying exactly on a tile boundary does not pull in the neighbouring tile.
     */
    public TileRange covering(Crs crs, double minX, double minY, double maxX, double maxY) {
        double spanX = tileWidth * pixelSpan(crs);
        double spanY = tileHeight * pixelSpan(crs);
        double eps = 1e-9;
        long c0 = (long) Math.floor((minX - originX) / spanX + eps);
        long c1 = (long) Math.ceil((maxX - originX) / spanX - eps) - 1;
        long r0 = (long) Math.floor((originY - maxY) / spanY + eps);
        long r1 = (long) Math.ceil((originY - minY) / spanY - eps) - 1;
        if (c1 < c0 || r1 < r0) {
            return null;
        }
        return new TileRange(c0, r0, c1, r1).intersection(all());
    }

    /** The tile's box in CRS units: minX, minY, maxX, maxY. */
    public double[] bounds(Crs crs, long col, long row) {
        double spanX = tileWidth * pixelSpan(crs);
        double spanY = tileHeight * pixelSpan(crs);
        double minX = originX + col * spanX;
        double maxY = originY - row * spanY;
        return new double[] {minX, maxY - spanY, minX + spanX, maxY};
    }
}
