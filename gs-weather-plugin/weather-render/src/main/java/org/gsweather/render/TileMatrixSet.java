package org.gsweather.render;

import java.util.Locale;

/**
 * The two OGC Two Dimensional Tile Matrix Sets (OGC 17-083r4) that web maps use: tiles numbered from the
 * top-left corner, {@code 2^z} (WebMercatorQuad) or {@code 2^(z+1)} by {@code 2^z} (WorldCRS84Quad)
 * tiles at zoom {@code z}.
 */
public enum TileMatrixSet {
    WEB_MERCATOR_QUAD("WebMercatorQuad", OutputCrs.WEB_MERCATOR, 1, 2 * OutputCrs.WEB_MERCATOR_LIMIT),
    WORLD_CRS84_QUAD("WorldCRS84Quad", OutputCrs.CRS84, 2, 180);

    public static final int MAX_ZOOM = 30;

    private final String id;
    private final OutputCrs crs;
    private final int columnsAtZoom0;
    private final double tileSpanAtZoom0;

    TileMatrixSet(String id, OutputCrs crs, int columnsAtZoom0, double tileSpanAtZoom0) {
        this.id = id;
        this.crs = crs;
        this.columnsAtZoom0 = columnsAtZoom0;
        this.tileSpanAtZoom0 = tileSpanAtZoom0;
    }

    public String id() {
        return id;
    }

    public OutputCrs crs() {
        return crs;
    }

    /** By identifier, case-insensitive; also {@code GoogleMapsCompatible} for WebMercatorQuad. */
    public static TileMatrixSet of(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        if (s.equals("webmercatorquad") || s.equals("googlemapscompatible") || s.equals("epsg:3857")) {
            return WEB_MERCATOR_QUAD;
        }
        if (s.equals("worldcrs84quad")) {
            return WORLD_CRS84_QUAD;
        }
        throw new IllegalArgumentException(
                "unknown tile matrix set " + id + ": use WebMercatorQuad (GoogleMapsCompatible) or WorldCRS84Quad");
    }

    public int columns(int zoom) {
        return columnsAtZoom0 << zoom;
    }

    public int rows(int zoom) {
        return 1 << zoom;
    }

    /** The view of tile (zoom, column, row), {@code size} pixels a side (256 or 512). */
    public View tile(int zoom, int column, int row, int size) {
        if (zoom < 0 || zoom > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom " + zoom + " out of range 0-" + MAX_ZOOM + " for " + id);
        }
        if (column < 0 || column >= columns(zoom) || row < 0 || row >= rows(zoom)) {
            throw new IllegalArgumentException("tile " + zoom + "/" + column + "/" + row + " does not exist in " + id
                    + ": zoom " + zoom + " has columns 0-" + (columns(zoom) - 1) + " and rows 0-" + (rows(zoom) - 1));
        }
        double span = tileSpanAtZoom0 / (1L << zoom);
        double left = crs.minX() + column * span;
        double top = crs.maxY() - row * span;
        return new View(crs, left, top - span, left + span, top, size, size);
    }

    /** The view of an area of {@code columns} x {@code rows} tiles starting at a tile, as one image. */
    public View block(int zoom, int column, int row, int columns, int rows, int tileSize) {
        View first = tile(zoom, column, row, tileSize);
        View last = tile(zoom, column + columns - 1, row + rows - 1, tileSize);
        return new View(crs, first.minX(), last.minY(), last.maxX(), first.maxY(), columns * tileSize, rows * tileSize);
    }
}
