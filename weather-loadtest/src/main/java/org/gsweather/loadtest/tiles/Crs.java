package org.gsweather.loadtest.tiles;

import java.util.Locale;

/**
 * The coordinate reference systems whose tile grids this tool can map a lon/lat region onto: Web Mercator and
 * geographic lon/lat. Any other CRS is {@link #OTHER}: its grids are used whole (within the layer's limits).
 */
public enum Crs {
    WEB_MERCATOR(1.0),
    /** Degrees; metres per unit on the WGS 84 equator, as OGC WMTS 1.0 (07-057r7) section 6.1 uses. */
    GEOGRAPHIC(2 * Math.PI * 6378137.0 / 360.0),
    OTHER(Double.NaN);

    private static final double R = 6378137.0;
    private static final double MAX_MERCATOR_LAT = 85.0511287798066;

    private final double metersPerUnit;

    Crs(double metersPerUnit) {
        this.metersPerUnit = metersPerUnit;
    }

    public double metersPerUnit() {
        return metersPerUnit;
    }

    /** The kind of a CRS identifier as capabilities write it (EPSG:3857, urn:ogc:def:crs:EPSG::900913, CRS:84...). */
    public static Crs of(String identifier) {
        String code = code(identifier);
        return switch (code) {
            case "3857", "900913", "102100", "102113", "3785" -> WEB_MERCATOR;
            case "4326", "CRS84", "84", "4258", "4269" -> GEOGRAPHIC;
            default -> OTHER;
        };
    }

    /**
     * Whether coordinates in this CRS are written latitude first (EPSG axis order), as WMTS TopLeftCorner and WMS
     * 1.3.0 BBOX do for EPSG geographic codes; CRS84 and CRS:84 are longitude first.
     */
    public static boolean latitudeFirst(String identifier) {
        return of(identifier) == GEOGRAPHIC && !code(identifier).endsWith("84");
    }

    private static String code(String identifier) {
        String s = identifier.trim().toUpperCase(Locale.ROOT);
        int cut = Math.max(s.lastIndexOf(':'), s.lastIndexOf('/'));
        String tail = s.substring(cut + 1);
        return s.endsWith("CRS84") ? "CRS84" : tail;
    }

    /** Projects a longitude to this CRS's x. */
    public double x(double lon) {
        return switch (this) {
            case WEB_MERCATOR -> R * Math.toRadians(lon);
            case GEOGRAPHIC -> lon;
            case OTHER -> throw new UnsupportedOperationException("no projection for this CRS");
        };
    }

    /** Projects a latitude to this CRS's y (Web Mercator clamps to its +-85.0511 degree limit). */
    public double y(double lat) {
        return switch (this) {
            case WEB_MERCATOR -> {
                double phi = Math.toRadians(Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)));
                yield R * Math.log(Math.tan(Math.PI / 4 + phi / 2));
            }
            case GEOGRAPHIC -> lat;
            case OTHER -> throw new UnsupportedOperationException("no projection for this CRS");
        };
    }
}
