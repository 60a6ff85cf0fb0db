package org.gsweather.render;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gsweather.field.Field;
import org.gsweather.field.FieldInfo;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.netcdf.NetcdfField;

/**
 * The u and v components of one wind: GRIB2 discipline 0, category 2, numbers 2 and 3 (UGRD/VGRD), or
 * CF {@code eastward_wind}/{@code northward_wind} and {@code x_wind}/{@code y_wind}, at the same level
 * and time.
 */
public record WindPair(Field u, Field v) {

    public WindPair {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(v, "v");
    }

    /** Which component a field is: 'u', 'v', or 0 when it is not a wind component. */
    public static char component(Field f) {
        if (f instanceof Grib2Field g && g.discipline() == 0 && g.category() == 2) {
            return g.parameterNumber() == 2 ? 'u' : g.parameterNumber() == 3 ? 'v' : 0;
        }
        if (f instanceof NetcdfField n && n.standardName() != null) {
            switch (n.standardName()) {
                case "eastward_wind", "x_wind" -> {
                    return 'u';
                }
                case "northward_wind", "y_wind" -> {
                    return 'v';
                }
                default -> {}
            }
        }
        String name = f.info().parameter().shortName().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "ugrd", "eastward_wind", "x_wind", "u", "uwnd", "u10" -> 'u';
            case "vgrd", "northward_wind", "y_wind", "v", "vwnd", "v10" -> 'v';
            default -> 0;
        };
    }

    /** A pair from two fields given in the order u, v; checks that they are components of one wind. */
    public static WindPair of(Field u, Field v) {
        if (component(u) != 'u') {
            throw new IllegalArgumentException(describe(u) + " is not a u (eastward or x) wind component");
        }
        if (component(v) != 'v') {
            throw new IllegalArgumentException(describe(v) + " is not a v (northward or y) wind component");
        }
        if (!sameLevelAndTime(u.info(), v.info())) {
            throw new IllegalArgumentException(
                    "u and v are not at the same level and time: " + describe(u) + " and " + describe(v));
        }
        return new WindPair(u, v);
    }

    /** The other component of a wind component among {@code fields}. */
    public static WindPair find(List<? extends Field> fields, Field one) {
        char c = component(one);
        if (c == 0) {
            throw new IllegalArgumentException(
                    describe(one) + " is not a wind component (UGRD/VGRD, eastward_wind...)");
        }
        char want = c == 'u' ? 'v' : 'u';
        for (Field f : fields) {
            if (component(f) == want && sameLevelAndTime(f.info(), one.info())) {
                return c == 'u' ? new WindPair(one, f) : new WindPair(f, one);
            }
        }
        throw new IllegalArgumentException("no " + want + " component at the level and time of " + describe(one));
    }

    /** Decodes both components. */
    public WindValues read() throws IOException {
        if (!u.grid().equals(v.grid())) {
            throw new IllegalArgumentException("u and v lie on different grids: "
                    + u.grid().describe() + " and " + v.grid().describe());
        }
        return new WindValues(GridValues.read(u), GridValues.read(v), u.gridRelativeVectors());
    }

    private static boolean sameLevelAndTime(FieldInfo a, FieldInfo b) {
        return a.level().equals(b.level())
                && a.validTime().equals(b.validTime())
                && a.referenceTime().equals(b.referenceTime())
                && Objects.equals(a.ensemble(), b.ensemble());
    }

    private static String describe(Field f) {
        FieldInfo i = f.info();
        return i.parameter().shortName() + " at " + i.level().label() + " valid " + i.validTime();
    }
}
