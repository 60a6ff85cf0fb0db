package org.gsweather.render;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A unit of measure that weather data use, and the affine conversions between units of one dimension:
 * {@code value_SI = value * factor + offset}.
 */
record Units(String symbol, String dimension, double factor, double offset) {

    private static final double F = 5.0 / 9.0;
    private static final Map<String, Units> BY_NAME = new HashMap<>();

    static {
        // aliases of UDUNITS-2 that CF files use (NCEP reanalysis: "degK")
        define(
                "K",
                "temperature",
                1,
                0,
                "kelvin",
                "degK",
                "deg_K",
                "degree_K",
                "degrees_K",
                "degreeK",
                "degree_Kelvin");
        define(
                "degC",
                "temperature",
                1,
                273.15,
                "C",
                "°C",
                "celsius",
                "deg c",
                "degrees c",
                "deg_C",
                "degree_C",
                "degrees_C",
                "degreeC",
                "degree_Celsius",
                "degrees_Celsius");
        define(
                "degF",
                "temperature",
                F,
                273.15 - 32 * F,
                "F",
                "°F",
                "fahrenheit",
                "deg_F",
                "degree_F",
                "degrees_F",
                "degreeF",
                "degree_Fahrenheit");
        define("m/s", "speed", 1, 0, "m s-1", "m s**-1", "ms-1", "m.s-1");
        define("kt", "speed", 1852.0 / 3600, 0, "kn", "knot", "knots", "kts");
        define("km/h", "speed", 1 / 3.6, 0, "kmh", "km h-1");
        define("mph", "speed", 0.44704, 0);
        define("kg m-2 s-1", "flux", 1, 0, "kg/(m^2 s)", "kg/(m^2*s)", "kg/m^2/s", "kg m**-2 s**-1", "mm/s");
        define("mm/h", "flux", 1 / 3600.0, 0, "mm h-1", "mm/hr");
        define("in/h", "flux", 25.4 / 3600, 0, "in/hr");
        define("kg m-2", "mass", 1, 0, "kg/(m^2)", "kg/m^2", "kg/m2", "kg m**-2", "mm");
        define("in", "mass", 25.4, 0, "inch", "inches");
        define("Pa", "pressure", 1, 0);
        define("hPa", "pressure", 100, 0, "mb", "mbar", "millibar");
        define("%", "fraction", 0.01, 0, "percent");
        define("1", "fraction", 1, 0, "fraction", "proportion", "non-dim", "numeric", "-", "");
        define("dBZ", "reflectivity", 1, 0, "dB");
        define("J/kg", "specific energy", 1, 0, "J kg-1", "m2 s-2", "m^2/s^2");
        define("m", "length", 1, 0, "gpm", "metre", "meter");
        define("dam", "length", 10, 0, "gpdam", "decametre");
        define("km", "length", 1000, 0);
        define("ft", "length", 0.3048, 0, "feet");
        define("W m-2", "irradiance", 1, 0, "W/(m^2)", "W/m^2", "W m**-2");
    }

    private static void define(String symbol, String dimension, double factor, double offset, String... aliases) {
        Units u = new Units(symbol, dimension, factor, offset);
        BY_NAME.put(symbol.toLowerCase(Locale.ROOT), u);
        for (String a : aliases) {
            BY_NAME.put(a.toLowerCase(Locale.ROOT), u);
        }
    }

    /** The unit of a symbol or alias (case-insensitive), or {@code null} when unknown. */
    static Units find(String name) {
        return name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The conversion from {@code from} to {@code to}, as {@code {scale, offset}} with {@code to = from *
     * scale + offset}; identity when both are the same string or either is unknown but equal by name.
     *
     * @throws StyleException when the units are known and of different dimensions, or one is unknown
     */
    static double[] conversion(String from, String to) {
        if (from.equals(to)) {
            return new double[] {1, 0};
        }
        Units a = find(from);
        Units b = find(to);
        if (a == null || b == null) {
            throw new StyleException("cannot convert " + quoted(from) + " to " + quoted(to) + ": "
                    + (a == null ? quoted(from) : quoted(to)) + " is not a unit the renderer knows");
        }
        if (!a.dimension.equals(b.dimension)) {
            throw new StyleException("cannot convert " + quoted(from) + " (" + a.dimension + ") to " + quoted(to) + " ("
                    + b.dimension + ")");
        }
        double scale = a.factor / b.factor;
        return new double[] {scale, (a.offset - b.offset) / b.factor};
    }

    private static String quoted(String s) {
        return "'" + s + "'";
    }
}
