package org.gsweather.render;

import java.util.Locale;
import org.gsweather.grid.Grid;

/** How a pixel takes its value from the grid points around it. */
public enum Sampling {
    /** The value of the nearest grid point. */
    NEAREST,
    /**
     * Bilinear between the four grid points around; missing where the nearest point is missing, and
     * weighted over the present points only next to missing ones, so that no-data never spreads.
     */
    BILINEAR,
    /**
     * {@link #BILINEAR} where the grid's cells are larger than the map's pixels (zoomed in), else {@link
     * #NEAREST}, which then looks the same and costs less: QGIS' "zoomed in" and "zoomed out"
     * resampling. Decided from the nominal sizes of a cell and a pixel, not where the map is, so that
     * every tile of a zoom level decides alike.
     */
    AUTO;

    /** Metres per degree along the equator of the WGS84 ellipsoid: the nominal size of projected pixels. */
    private static final double METRES_PER_DEGREE = OutputCrs.WEB_MERCATOR_LIMIT / 180;

    static Sampling of(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "nearest" -> NEAREST;
            case "bilinear" -> BILINEAR;
            case "auto" -> AUTO;
            default -> throw new StyleException("sampling=" + s + ": use nearest, bilinear or auto");
        };
    }

    /** {@link #NEAREST} or {@link #BILINEAR}: this one, or what {@link #AUTO} takes for this grid and view. */
    Sampling resolve(Grid grid, View view) {
        if (this != AUTO) {
            return this;
        }
        return cellDegrees(grid) > pixelDegrees(view) ? BILINEAR : NEAREST;
    }

    /**
     * The nominal size of a pixel in degrees: its size in a geographic CRS, else its size in metres over
     * the metres of a degree of the equator (the scale of a Web Mercator map at the equator, of a
     * conformal one on its standard parallels).
     */
    static double pixelDegrees(View view) {
        double size = Math.min(view.resolutionX(), view.resolutionY());
        return view.crs().isGeographic() ? size : size / METRES_PER_DEGREE;
    }

    /**
     * The nominal size of a grid cell in degrees of arc: the geometric mean of the distances from the
     * grid's middle point to its neighbours along i and j.
     */
    static double cellDegrees(Grid grid) {
        double i = Math.max(0, grid.nx() / 2 - 1);
        double j = Math.max(0, grid.ny() / 2 - 1);
        double[] p = new double[2];
        double[] q = new double[2];
        grid.lonLat(i, j, p);
        double along = Double.NaN;
        double across = Double.NaN;
        if (grid.nx() > 1) {
            grid.lonLat(i + 1, j, q);
            along = arcDegrees(p, q);
        }
        if (grid.ny() > 1) {
            grid.lonLat(i, j + 1, q);
            across = arcDegrees(p, q);
        }
        if (Double.isNaN(along)) {
            return Double.isNaN(across) ? 0 : across;
        }
        return Double.isNaN(across) ? along : Math.sqrt(along * across);
    }

    /** The great-circle angle between two longitude/latitude points, in degrees (haversine). */
    private static double arcDegrees(double[] a, double[] b) {
        double f1 = Math.toRadians(a[1]);
        double f2 = Math.toRadians(b[1]);
        double df = f2 - f1;
        double dl = Math.toRadians(b[0] - a[0]);
        double h =
                Math.sin(df / 2) * Math.sin(df / 2) + Math.cos(f1) * Math.cos(f2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }
}
