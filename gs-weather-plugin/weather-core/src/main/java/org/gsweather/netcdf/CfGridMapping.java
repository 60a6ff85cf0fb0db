package org.gsweather.netcdf;

import java.util.Locale;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.grid.Ellipsoid;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.Geostationary;
import org.gsweather.grid.LambertConformal;
import org.gsweather.grid.Mercator;
import org.gsweather.grid.PolarStereographic;
import org.gsweather.grid.Projection;
import org.gsweather.grid.RotatedPole;

/**
 * The projection of a CF grid mapping variable (CF 1.11 section 5.6 and Appendix F), with the false
 * easting and northing that the projections of {@code org.gsweather.grid} leave to the grid's origin.
 * Without a {@code grid_mapping}, latitude/longitude coordinates are on WGS 84.
 */
record CfGridMapping(Projection projection, double falseEasting, double falseNorthing) {

    static final String SUPPORTED = "latitude_longitude, rotated_latitude_longitude, lambert_conformal_conic,"
            + " polar_stereographic, mercator, geostationary";

    static CfGridMapping latitudeLongitude() {
        return new CfGridMapping(new Geographic(Ellipsoid.WGS84), 0, 0);
    }

    /**
     * @param where prefix of error messages (file and variable)
     * @throws UnsupportedDataException for a grid mapping this reader does not know
     */
    static CfGridMapping of(NcVariable m, String where) throws DataFormatException {
        String name = m.text("grid_mapping_name");
        if (name == null) {
            throw new DataFormatException(where + "grid mapping variable " + m.name() + " has no grid_mapping_name");
        }
        Ellipsoid e = ellipsoid(m, where);
        double fe = zeroIfAbsent(m.number("false_easting"));
        double fn = zeroIfAbsent(m.number("false_northing"));
        Projection p = switch (name.toLowerCase(Locale.ROOT)) {
            case "latitude_longitude" -> new Geographic(e);
            case "rotated_latitude_longitude" -> rotated(m, e, where);
            case "lambert_conformal_conic" -> lambert(m, e, where);
            case "polar_stereographic" -> polar(m, e, where);
            case "mercator" -> mercator(m, e, where);
            case "geostationary" -> geostationary(m, e, where);
            default ->
                throw new UnsupportedDataException(where + "grid_mapping_name \"" + name + "\" of " + m.name()
                        + " is not supported (supported: " + SUPPORTED + ")");
        };
        return new CfGridMapping(p, fe, fn);
    }

    private static double zeroIfAbsent(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** CF Appendix F, "earth_radius", "semi_major_axis", "semi_minor_axis", "inverse_flattening". */
    static Ellipsoid ellipsoid(NcVariable m, String where) throws DataFormatException {
        double radius = m.number("earth_radius");
        double a = m.number("semi_major_axis");
        double b = m.number("semi_minor_axis");
        double invF = m.number("inverse_flattening");
        try {
            if (!Double.isNaN(radius)) {
                return Ellipsoid.sphere(radius);
            }
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                return new Ellipsoid(a, b);
            }
            if (!Double.isNaN(a) && !Double.isNaN(invF)) {
                return invF == 0 ? Ellipsoid.sphere(a) : Ellipsoid.fromFlattening(a, invF);
            }
            if (!Double.isNaN(a)) {
                return Ellipsoid.sphere(a);
            }
        } catch (IllegalArgumentException ex) {
            throw new DataFormatException(where + "grid mapping " + m.name() + ": " + ex.getMessage());
        }
        return Ellipsoid.WGS84;
    }

    private static double required(NcVariable m, String attribute, String where) throws DataFormatException {
        double v = m.number(attribute);
        if (Double.isNaN(v)) {
            throw new DataFormatException(
                    where + "grid mapping " + m.name() + " (" + m.text("grid_mapping_name") + ") lacks " + attribute);
        }
        return v;
    }

    private static Projection rotated(NcVariable m, Ellipsoid e, String where) throws DataFormatException {
        return RotatedPole.fromNorthPole(
                e,
                required(m, "grid_north_pole_latitude", where),
                required(m, "grid_north_pole_longitude", where),
                zeroIfAbsent(m.number("north_pole_grid_longitude")));
    }

    private static Projection lambert(NcVariable m, Ellipsoid e, String where) throws DataFormatException {
        NcAttribute sp = m.attribute("standard_parallel");
        if (sp == null || sp.isText() || sp.length() < 1) {
            throw new DataFormatException(where + "grid mapping " + m.name() + " lacks standard_parallel");
        }
        double sp1 = sp.numbers()[0];
        double sp2 = sp.length() > 1 ? sp.numbers()[1] : sp1;
        return new LambertConformal(
                e,
                sp1,
                sp2,
                required(m, "latitude_of_projection_origin", where),
                required(m, "longitude_of_central_meridian", where));
    }

    private static Projection polar(NcVariable m, Ellipsoid e, String where) throws DataFormatException {
        double origin = required(m, "latitude_of_projection_origin", where);
        if (Math.abs(origin) != 90) {
            throw new DataFormatException(where + "grid mapping " + m.name()
                    + ": latitude_of_projection_origin must be +90 or -90, not " + origin);
        }
        boolean south = origin < 0;
        double lon = m.number("straight_vertical_longitude_from_pole");
        if (Double.isNaN(lon)) {
            lon = required(m, "longitude_of_projection_origin", where);
        }
        double trueScale = m.number("standard_parallel");
        if (Double.isNaN(trueScale)) {
            double k0 = m.number("scale_factor_at_projection_origin");
            if (Double.isNaN(k0) || k0 == 1) {
                trueScale = origin;
            } else if (e.isSphere()) {
                // Spherical polar stereographic: k0 = (1 + sin(lat_ts)) / 2 (Snyder 21-7).
                trueScale = Math.toDegrees(Math.asin(2 * k0 - 1)) * (south ? -1 : 1);
            } else {
                throw new UnsupportedDataException(where + "grid mapping " + m.name()
                        + ": scale_factor_at_projection_origin " + k0
                        + " on an ellipsoid is not supported; give standard_parallel");
            }
        }
        return new PolarStereographic(e, south, trueScale, lon);
    }

    private static Projection mercator(NcVariable m, Ellipsoid e, String where) throws DataFormatException {
        double lon = m.number("longitude_of_projection_origin");
        if (Double.isNaN(lon)) {
            lon = zeroIfAbsent(m.number("longitude_of_central_meridian"));
        }
        double trueScale = m.number("standard_parallel");
        if (Double.isNaN(trueScale)) {
            double k0 = m.number("scale_factor_at_projection_origin");
            if (Double.isNaN(k0) || k0 == 1) {
                trueScale = 0;
            } else {
                // k0 = cos(lat_ts) / sqrt(1 - e^2 sin^2(lat_ts)) (Snyder 7-8 at the standard parallel).
                double e2 = e.e2();
                double sin2 = (1 - k0 * k0) / (1 - e2 * k0 * k0);
                if (!(sin2 >= 0 && sin2 <= 1)) {
                    throw new DataFormatException(
                            where + "grid mapping " + m.name() + ": invalid scale_factor_at_projection_origin " + k0);
                }
                trueScale = Math.toDegrees(Math.asin(Math.sqrt(sin2)));
            }
        }
        return new Mercator(e, trueScale, lon);
    }

    private static Projection geostationary(NcVariable m, Ellipsoid e, String where) throws DataFormatException {
        double h = required(m, "perspective_point_height", where);
        double lon = required(m, "longitude_of_projection_origin", where);
        double lat = zeroIfAbsent(m.number("latitude_of_projection_origin"));
        if (lat != 0) {
            throw new UnsupportedDataException(where + "grid mapping " + m.name() + ": latitude_of_projection_origin "
                    + lat + " is not supported (a geostationary orbit has 0)");
        }
        String sweep = m.text("sweep_angle_axis");
        String fixed = m.text("fixed_angle_axis");
        boolean sweepX;
        if (sweep != null) {
            sweepX = sweep.equalsIgnoreCase("x");
        } else if (fixed != null) {
            sweepX = fixed.equalsIgnoreCase("y");
        } else {
            sweepX = false; // CF: sweep_angle_axis defaults to y (Meteosat)
        }
        return new Geostationary(e, h, lon, sweepX);
    }
}
