package org.gsweather.loadtest.tiles;

import java.util.ArrayList;
import java.util.List;

/**
 * A WMTS tile matrix set: its CRS and its tile matrices ordered from the coarsest (zoom 0) to the finest, so a zoom
 * level is an index into {@link #matrices()}.
 */
public record TileMatrixSet(String identifier, String crsIdentifier, List<TileMatrix> matrices) {

    /** Level 0 of OGC's WebMercatorQuad (OGC 17-083r2 Annex D.1), 1x1 tiles of 256 px. */
    private static final double WEB_MERCATOR_QUAD_SCALE_0 = 559082264.0287178194;

    private static final double WEB_MERCATOR_HALF_WORLD = 20037508.3427892;
    /** Level 0 of OGC's WorldCRS84Quad (OGC 17-083r2 Annex D.2), 2x1 tiles of 256 px. */
    private static final double WORLD_CRS84_QUAD_SCALE_0 = 279541132.0143588675;

    public TileMatrixSet {
        matrices = List.copyOf(matrices);
        if (matrices.isEmpty()) {
            throw new IllegalArgumentException("tile matrix set " + identifier + " has no tile matrices");
        }
    }

    public Crs crs() {
        return Crs.of(crsIdentifier);
    }

    public TileMatrix matrix(int zoom) {
        if (zoom < 0 || zoom >= matrices.size()) {
            throw new IllegalArgumentException(
                    "tile matrix set " + identifier + " has zoom levels 0.." + (matrices.size() - 1) + ", not " + zoom);
        }
        return matrices.get(zoom);
    }

    /** The zoom level of a tile matrix identifier, or -1. */
    public int zoomOf(String matrixIdentifier) {
        for (int z = 0; z < matrices.size(); z++) {
            if (matrices.get(z).identifier().equals(matrixIdentifier)) {
                return z;
            }
        }
        return -1;
    }

    /** OGC's WebMercatorQuad with levels 0..maxZoom; its matrices are named by their zoom level. */
    public static TileMatrixSet webMercatorQuad(int maxZoom) {
        List<TileMatrix> m = new ArrayList<>();
        for (int z = 0; z <= maxZoom; z++) {
            long n = 1L << z;
            m.add(new TileMatrix(
                    Integer.toString(z),
                    WEB_MERCATOR_QUAD_SCALE_0 / n,
                    -WEB_MERCATOR_HALF_WORLD,
                    WEB_MERCATOR_HALF_WORLD,
                    256,
                    256,
                    n,
                    n));
        }
        return new TileMatrixSet("WebMercatorQuad", "http://www.opengis.net/def/crs/EPSG/0/3857", m);
    }

    /** OGC's WorldCRS84Quad with levels 0..maxZoom; its matrices are named by their zoom level. */
    public static TileMatrixSet worldCrs84Quad(int maxZoom) {
        List<TileMatrix> m = new ArrayList<>();
        for (int z = 0; z <= maxZoom; z++) {
            long n = 1L << z;
            m.add(new TileMatrix(Integer.toString(z), WORLD_CRS84_QUAD_SCALE_0 / n, -180, 90, 256, 256, 2 * n, n));
        }
        return new TileMatrixSet("WorldCRS84Quad", "http://www.opengis.net/def/crs/OGC/1.3/CRS84", m);
    }
}
