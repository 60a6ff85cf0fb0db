package org.gsweather.render;

import java.util.Locale;
import org.gsweather.grid.Ellipsoid;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.LambertConformal;
import org.gsweather.grid.Mercator;
import org.gsweather.grid.PolarStereographic;
import org.gsweather.grid.Projection;

/**
 * A coordinate reference system that maps are drawn in: a {@link Projection} of weather-core applied to
 * WGS84 longitude/latitude, a false origin, and the domain where requests are accepted. Coordinates are
 * always x (easting or longitude) first; {@link #northingFirst()} only tells request parsers that WMS
 * 1.3.0 writes this CRS's bounding boxes latitude first.
 *
 * @param code the identifier requests use, e.g. {@code EPSG:3857}
 * @param projection projected coordinates before the false origin is added
 * @param falseEasting added to the projection's x
 * @param falseNorthing added to the projection's y
 * @param minX western limit of the domain, in CRS units
 * @param minY southern limit of the domain
 * @param maxX eastern limit of the domain
 * @param maxY northern limit of the domain
 * @param northingFirst whether WMS 1.3.0 bounding boxes give latitude (northing) first
 */
public record OutputCrs(
        String code,
        Projection projection,
        double falseEasting,
        double falseNorthing,
        double minX,
        double minY,
        double maxX,
        double maxY,
        boolean northingFirst) {

    /** Half the circumference of the EPSG:3857 sphere: the x and y limits of Web Mercator. */
    public static final double WEB_MERCATOR_LIMIT = Math.PI * 6378137;

    public static final OutputCrs WEB_MERCATOR = new OutputCrs(
            "EPSG:3857",
            new Mercator(Ellipsoid.sphere(6378137), 0, 0),
            0,
            0,
            -WEB_MERCATOR_LIMIT,
            -WEB_MERCATOR_LIMIT,
            WEB_MERCATOR_LIMIT,
            WEB_MERCATOR_LIMIT,
            false);

    public static final OutputCrs WGS84 =
            new OutputCrs("EPSG:4326", new Geographic(Ellipsoid.WGS84), 0, 0, -180, -90, 180, 90, true);

    /** Longitude first: WMS {@code CRS:84} and OGC's {@code WorldCRS84Quad}. */
    public static final OutputCrs CRS84 =
            new OutputCrs("CRS:84", new Geographic(Ellipsoid.WGS84), 0, 0, -180, -90, 180, 90, false);

    /** NSIDC Sea Ice Polar Stereographic North; domain: the square round latitude 30N. */
    public static final OutputCrs ARCTIC =
            polar("EPSG:3413", new PolarStereographic(Ellipsoid.WGS84, false, 70, -45), 30);

    /** Antarctic Polar Stereographic; domain: the square round latitude 30S. */
    public static final OutputCrs ANTARCTIC =
            polar("EPSG:3031", new PolarStereographic(Ellipsoid.WGS84, true, -71, 0), -30);

    public OutputCrs {
        if (!(minX < maxX) || !(minY < maxY)) {
            throw new IllegalArgumentException(code + ": empty domain");
        }
    }

    /**
     * The CRS of a code: {@code EPSG:3857} (and its aliases 900913, 3785, 102100), {@code EPSG:4326},
     * {@code CRS:84}, {@code EPSG:3413}, {@code EPSG:3031}, the Lambert conformal {@code EPSG:2154},
     * {@code EPSG:3978}, {@code ESRI:102009}, or {@code LCC:lat1,lat2,lat0,lon0} on WGS84.
     *
     * @throws UnknownCrsException naming the code and the codes that are known
     */
    public static OutputCrs of(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.startsWith("LCC:")) {
            return lambert(code.trim().substring(4), code);
        }
        if (c.startsWith("URN:OGC:DEF:CRS:")) {
            c = c.substring("URN:OGC:DEF:CRS:".length()).replace("::", ":");
        }
        return switch (c) {
            case "EPSG:3857", "EPSG:900913", "EPSG:3785", "EPSG:102100", "ESRI:102100", "OSGEO:41001" -> WEB_MERCATOR;
            case "EPSG:4326" -> WGS84;
            case "CRS:84", "OGC:CRS84", "OGC:1.3:CRS84" -> CRS84;
            case "EPSG:3413" -> ARCTIC;
            case "EPSG:3031" -> ANTARCTIC;
            case "EPSG:2154" -> lcc("EPSG:2154", Ellipsoid.GRS80, 49, 44, 46.5, 3, 700000, 6600000);
            case "EPSG:3978" -> lcc("EPSG:3978", Ellipsoid.GRS80, 49, 77, 49, -95, 0, 0);
            case "ESRI:102009", "EPSG:102009" -> lcc("ESRI:102009", Ellipsoid.WGS84, 20, 60, 40, -96, 0, 0);
            default -> throw new UnknownCrsException(code);
        };
    }

    /** Projected (CRS) coordinates of a longitude/latitude, into {@code xy}. */
    public void forward(double lon, double lat, double[] xy) {
        projection.forward(lon, lat, xy);
        xy[0] += falseEasting;
        xy[1] += falseNorthing;
    }

    /** Longitude/latitude of CRS coordinates, into {@code lonLat}. */
    public void inverse(double x, double y, double[] lonLat) {
        projection.inverse(x - falseEasting, y - falseNorthing, lonLat);
    }

    public boolean isGeographic() {
        return projection instanceof Geographic;
    }

    /**
     * The x length after which a cylindrical CRS shows the globe again (360 degrees in EPSG:4326 and CRS:84, the
     * equator's length in Mercator), 0 in others.
     */
    public double periodX() {
        if (projection instanceof Geographic) {
            return 360;
        }
        return projection instanceof Mercator m ? m.xPeriod() : 0;
    }

    /**
     * Whether a box overlaps the domain (reaching one {@link #periodX turn} beyond it either side in x in a
     * cylindrical CRS): such a view draws its part within, the rest stays transparent.
     */
    public boolean overlaps(double x0, double y0, double x1, double y1) {
        return x1 > reachMinX() && x0 < reachMaxX() && y1 > minY && y0 < maxY;
    }

    /** The lowest x a view may show: the domain's, one {@link #periodX turn} lower in a cylindrical CRS. */
    public double reachMinX() {
        return minX - periodX();
    }

    /** The highest x a view may show: the domain's, one {@link #periodX turn} higher in a cylindrical CRS. */
    public double reachMaxX() {
        return maxX + periodX();
    }

    private static OutputCrs polar(String code, PolarStereographic p, double limitLat) {
        double[] xy = new double[2];
        p.forward(0, limitLat, xy);
        double r = Math.hypot(xy[0], xy[1]);
        return new OutputCrs(code, p, 0, 0, -r, -r, r, r, false);
    }

    private static OutputCrs lambert(String params, String code) {
        String[] p = params.split(",");
        if (p.length != 4) {
            throw new UnknownCrsException(
                    code, "write LCC:lat1,lat2,lat0,lon0 (degrees, WGS84), e.g. LCC:25,25,25,-95");
        }
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            try {
                v[k] = Double.parseDouble(p[k].trim());
            } catch (NumberFormatException e) {
                throw new UnknownCrsException(code, "'" + p[k] + "' is not a number; write LCC:lat1,lat2,lat0,lon0");
            }
        }
        String canonical = "LCC:" + params.replace(" ", "");
        try {
            return lcc(canonical, Ellipsoid.WGS84, v[0], v[1], v[2], v[3], 0, 0);
        } catch (IllegalArgumentException e) {
            throw new UnknownCrsException(code, e.getMessage());
        }
    }

    /** A Lambert conformal CRS whose domain is the part of the cone between 10S (10N) and 89N (89S). */
    private static OutputCrs lcc(
            String code, Ellipsoid e, double lat1, double lat2, double lat0, double lon0, double fe, double fn) {
        LambertConformal p = new LambertConformal(e, lat1, lat2, lat0, lon0);
        boolean south = lat1 + lat2 < 0;
        double far = south ? 10 : -10;
        double[] xy = new double[2];
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double lat : new double[] {far, south ? -89 : 89}) {
            for (int lon = -180; lon <= 180; lon += 5) {
                p.forward(lon0 + lon * 0.999, lat, xy);
                minX = Math.min(minX, xy[0]);
                maxX = Math.max(maxX, xy[0]);
                minY = Math.min(minY, xy[1]);
                maxY = Math.max(maxY, xy[1]);
            }
        }
        return new OutputCrs(code, p, fe, fn, minX + fe, minY + fn, maxX + fe, maxY + fn, false);
    }
}
