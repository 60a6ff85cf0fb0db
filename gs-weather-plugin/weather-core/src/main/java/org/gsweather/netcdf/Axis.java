package org.gsweather.netcdf;

import java.util.Locale;
import java.util.Set;

/** What a coordinate variable measures (CF 1.11 section 4): the axis it spans. */
enum Axis {
    X,
    Y,
    Z,
    T,
    ENSEMBLE,
    REFERENCE_TIME,
    OTHER;

    private static final Set<String> LONGITUDE_UNITS =
            Set.of("degrees_east", "degree_east", "degree_e", "degrees_e", "degreee", "degreese");
    private static final Set<String> LATITUDE_UNITS =
            Set.of("degrees_north", "degree_north", "degree_n", "degrees_n", "degreen", "degreesn");
    private static final Set<String> PRESSURE_UNITS =
            Set.of("pa", "hpa", "kpa", "mbar", "millibar", "millibars", "mb", "bar", "atm");
    private static final Set<String> VERTICAL_NAMES = Set.of(
            "air_pressure",
            "height",
            "depth",
            "altitude",
            "height_above_geopotential_datum",
            "model_level_number",
            "atmosphere_sigma_coordinate",
            "atmosphere_hybrid_sigma_pressure_coordinate",
            "atmosphere_hybrid_height_coordinate",
            "atmosphere_ln_pressure_coordinate",
            "atmosphere_sleve_coordinate",
            "ocean_sigma_coordinate",
            "ocean_s_coordinate",
            "ocean_sigma_z_coordinate",
            "ocean_double_sigma_coordinate",
            "land_ice_sigma_coordinate",
            "soil_depth");

    /** The axis of a coordinate variable, by {@code axis}, {@code standard_name}, {@code units}, {@code positive}, name. */
    static Axis of(NcVariable c) {
        if (c == null) {
            return OTHER;
        }
        String standard = lower(c.text("standard_name"));
        if ("forecast_reference_time".equals(standard)) {
            return REFERENCE_TIME;
        }
        if ("realization".equals(standard)) {
            return ENSEMBLE;
        }
        String axis = lower(c.text("axis"));
        if (axis != null) {
            switch (axis) {
                case "x":
                    return X;
                case "y":
                    return Y;
                case "z":
                    return Z;
                case "t":
                    return T;
                default:
                    break;
            }
        }
        if (standard != null) {
            switch (standard) {
                case "longitude", "grid_longitude", "projection_x_coordinate", "projection_x_angular_coordinate":
                    return X;
                case "latitude", "grid_latitude", "projection_y_coordinate", "projection_y_angular_coordinate":
                    return Y;
                case "time":
                    return T;
                default:
                    if (VERTICAL_NAMES.contains(standard)) {
                        return Z;
                    }
            }
        }
        String units = lower(c.text("units"));
        if (units != null) {
            if (LONGITUDE_UNITS.contains(units)) {
                return X;
            }
            if (LATITUDE_UNITS.contains(units)) {
                return Y;
            }
            if (CfTime.isTimeUnits(units)) {
                return T;
            }
            if (PRESSURE_UNITS.contains(units)) {
                return Z;
            }
        }
        if (c.text("positive") != null) {
            return Z;
        }
        String name = lower(c.shortName());
        return switch (name) {
            case "lon", "longitude" -> X;
            case "lat", "latitude" -> Y;
            case "realization", "member", "ensemble", "ens", "number" -> ENSEMBLE;
            default -> OTHER;
        };
    }

    static boolean isPressure(String units) {
        return units != null && PRESSURE_UNITS.contains(units.trim().toLowerCase(Locale.ROOT));
    }

    /** Pascals per unit of a pressure unit. */
    static double pascals(String units) {
        return switch (units.trim().toLowerCase(Locale.ROOT)) {
            case "hpa", "mbar", "millibar", "millibars", "mb" -> 100;
            case "kpa" -> 1000;
            case "bar" -> 100000;
            case "atm" -> 101325;
            default -> 1;
        };
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
