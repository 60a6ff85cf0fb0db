package org.gsweather.store;

import java.time.Duration;
import java.util.Locale;
import org.gsweather.field.Ensemble;
import org.gsweather.field.Field;
import org.gsweather.field.FieldInfo;
import org.gsweather.field.Probability;
import org.gsweather.field.TimeRange;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.netcdf.NetcdfField;

/**
 * Coverage names, as users know fields from wgrib2, GDAL and {@code wx inspect}, stable across files and
 * runs because they depend on what a field is, never on where or when it is:
 *
 * <ul>
 *   <li>GRIB2: parameter and level type, {@code TMP_HTGL}, {@code PRMSL_MSL}, {@code TMP_ISBL} (the levels
 *       of one type are the ELEVATION dimension); statistical fields add the process, and the period's
 *       length unless it starts at the model run: {@code APCP_SFC_acc} (since the run started), {@code
 *       APCP_SFC_acc6h} (6-hour buckets); ensemble members {@code _ens3}, {@code _ctl}, products {@code
 *       _mean}; probabilities {@code _prob_gt_0.254}.
 *   <li>NetCDF: the variable name ({@code air}, {@code Rad}); GOES ABI bands add the band, {@code Rad_C13}.
 *   <li>Winds: the u/v pair as one 2-band coverage, {@code WIND_HTGL} for UGRD_HTGL and VGRD_HTGL,
 *       {@code WIND_uwnd_vwnd} for NetCDF variables.
 * </ul>
 *
 * Names are XML names (letters, digits, {@code _ - .}), so they work as WMS layer names.
 */
final class CoverageNames {
    private CoverageNames() {}

    /** The coverage a field belongs to; {@code bandSuffix} is the file's GOES band suffix or empty. */
    static String of(Field field, String bandSuffix) {
        if (field instanceof NetcdfField n) {
            return clean(n.variable() + bandSuffix);
        }
        FieldInfo info = field.info();
        StringBuilder name = new StringBuilder(info.parameter().shortName())
                .append('_')
                .append(info.level().type());
        TimeRange range = info.timeRange();
        if (range != null) {
            name.append('_').append(process(range.process()));
            if (!range.start().equals(info.referenceTime())) {
                name.append(length(Duration.between(range.start(), range.end())));
            }
        }
        Ensemble e = info.ensemble();
        if (e != null) {
            name.append('_').append(ensemble(e));
        }
        Probability p = info.probability();
        if (p != null) {
            name.append("_prob").append(probability(p));
        }
        return clean(name.toString());
    }

    /** A human title: {@code TMP Temperature [K], 2 m above ground...} */
    static String title(Field field) {
        FieldInfo info = field.info();
        StringBuilder t = new StringBuilder(info.parameter().shortName())
                .append(' ')
                .append(info.parameter().name())
                .append(" [")
                .append(info.parameter().units())
                .append("], ")
                .append(info.level().description());
        TimeRange range = info.timeRange();
        if (range != null) {
            t.append(", ").append(range.process());
            if (!range.start().equals(info.referenceTime())) {
                t.append(" over ").append(length(Duration.between(range.start(), range.end())));
            } else {
                t.append(" since the model run");
            }
        }
        if (info.ensemble() != null) {
            t.append(", ensemble ").append(ensemble(info.ensemble()));
        }
        if (info.probability() != null) {
            t.append(", probability ").append(info.probability().kind());
        }
        return t.toString();
    }

    /** The name of the wind coverage of a u coverage and a v coverage. */
    static String wind(String u, String v, boolean grib2) {
        if (grib2 && u.startsWith("UGRD")) {
            return "WIND" + u.substring(4);
        }
        return clean("WIND_" + u + "_" + v);
    }

    /** The v coverage name that pairs with a u coverage name, by the usual naming, or null. */
    static String partner(String u) {
        if (u.startsWith("UGRD")) {
            return "VGRD" + u.substring(4);
        }
        if (u.startsWith("x_wind")) {
            return "y_wind" + u.substring(6);
        }
        if (u.startsWith("eastward_wind")) {
            return "northward_wind" + u.substring(13);
        }
        if (u.startsWith("u") || u.startsWith("U")) {
            return (u.charAt(0) == 'u' ? "v" : "V") + u.substring(1);
        }
        return null;
    }

    static String length(Duration d) {
        long s = d.getSeconds();
        if (s % 86400 == 0 && s >= 86400 * 2) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "min";
        }
        return s + "s";
    }

    private static String process(String process) {
        return switch (process.toLowerCase(Locale.ROOT)) {
            case "accumulation" -> "acc";
            case "average" -> "avg";
            case "maximum" -> "max";
            case "minimum" -> "min";
            case "difference" -> "diff";
            case "standard deviation" -> "sd";
            default -> process.toLowerCase(Locale.ROOT);
        };
    }

    private static String ensemble(Ensemble e) {
        String kind = e.kind().toLowerCase(Locale.ROOT);
        if (kind.contains("control")) {
            return "ctl" + (e.member() > 0 ? e.member() : "");
        }
        if (e.member() >= 0 && (kind.contains("perturbed") || kind.contains("member") || kind.isEmpty())) {
            return "ens" + e.member();
        }
        return kind;
    }

    private static String probability(Probability p) {
        String kind = p.kind().toLowerCase(Locale.ROOT);
        if (kind.contains("below")) {
            return "_lt_" + number(p.lower());
        }
        if (kind.contains("above")) {
            return "_gt_" + number(Double.isNaN(p.upper()) ? p.lower() : p.upper());
        }
        if (kind.contains("between")) {
            return "_" + number(p.lower()) + "_" + number(p.upper());
        }
        return "_" + kind;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "na";
        }
        String s = v == Math.rint(v) ? Long.toString((long) v) : Double.toString((float) v);
        return s.replace('-', 'm');
    }

    /** Keeps letters, digits, '_', '-' and '.'; everything else becomes '_'; never starts with a digit. */
    static String clean(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == '.';
            b.append(ok ? c : '_');
        }
        if (b.length() == 0 || !Character.isLetter(b.charAt(0)) && b.charAt(0) != '_') {
            b.insert(0, '_');
        }
        return b.toString();
    }

    static boolean isGrib2(Field f) {
        return f instanceof Grib2Field;
    }
}
