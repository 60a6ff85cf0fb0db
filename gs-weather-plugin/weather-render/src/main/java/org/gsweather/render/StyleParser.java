package org.gsweather.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The STYLE mini-language of {@code wx render}, mirroring the SLD parameters of the {@code wx:}
 * transformations: {@code NAME[:key=value,flag,...]}, several layered with {@code +}, e.g. {@code
 * ramp:temperature,min=-40,max=40,units=degC+isolines:interval=4}. See docs/rendering.md.
 */
public final class StyleParser {
    private static final Set<String> RAMP_KEYS = Set.of(
            "palette", "min", "max", "units", "steps", "log", "below", "above", "missing", "opacity", "sampling");
    private static final Set<String> BARB_KEYS = Set.of("spacing", "size", "width", "color", "colors");
    private static final Set<String> ARROW_KEYS =
            Set.of("spacing", "size", "width", "color", "colors", "scaled", "ref");
    private static final Set<String> ISOLINE_KEYS = Set.of(
            "interval",
            "base",
            "levels",
            "units",
            "color",
            "width",
            "major",
            "majorwidth",
            "labels",
            "nolabels",
            "labelunits",
            "font",
            "smooth",
            "fill",
            "fillmin",
            "fillmax");

    private StyleParser() {}

    /**
     * The parameters a style kind takes ({@code ramp}, {@code barbs}, {@code arrows}, {@code isolines}), sorted:
     * the SLD parameters of the matching {@code wx:} transformation.
     */
    public static List<String> keys(String kind) {
        Set<String> keys = switch (kind) {
            case "ramp" -> RAMP_KEYS;
            case "barbs" -> BARB_KEYS;
            case "arrows" -> ARROW_KEYS;
            case "isolines" -> ISOLINE_KEYS;
            default -> throw new StyleException("unknown style '" + kind + "'");
        };
        return keys.stream().sorted().toList();
    }

    /** Parses one style or several joined with {@code +}, drawn in that order. */
    public static List<Style> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new StyleException("empty style: use ramp:PALETTE, barbs, arrows or isolines:interval=N");
        }
        List<Style> styles = new ArrayList<>();
        for (String part : text.trim().split("\\+(?=[A-Za-z])")) {
            styles.add(parseOne(part.trim()));
        }
        return List.copyOf(styles);
    }

    static Style parseOne(String text) {
        int colon = text.indexOf(':');
        int comma = text.indexOf(',');
        if (comma >= 0 && (colon < 0 || comma < colon)) {
            colon = comma; // "arrows,scaled" reads as "arrows:scaled"
        }
        String kind = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        return switch (kind) {
            case "ramp" -> ramp(params(kind, rest, RAMP_KEYS, true));
            case "barbs" -> barbs(params(kind, rest, BARB_KEYS, false));
            case "arrows" -> arrows(params(kind, rest, ARROW_KEYS, false));
            case "isolines", "contours" -> isolines(params(kind, rest, ISOLINE_KEYS, false));
            default ->
                throw new StyleException("unknown style '" + kind + "' in '" + text
                        + "': use ramp:PALETTE[,min=,max=,units=...], barbs, arrows or isolines:interval=N");
        };
    }

    private static Map<String, String> params(String kind, String rest, Set<String> keys, boolean firstIsPalette) {
        Map<String, String> m = new LinkedHashMap<>();
        if (rest.isBlank()) {
            return m;
        }
        boolean first = true;
        for (String item : rest.split(",")) {
            String it = item.trim();
            if (it.isEmpty()) {
                continue;
            }
            int eq = it.indexOf('=');
            String key = (eq < 0 ? it : it.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : it.substring(eq + 1).trim();
            if (first && firstIsPalette && eq < 0 && !keys.contains(key)) {
                m.put("palette", it);
            } else if (!keys.contains(key)) {
                throw new StyleException(kind + ": unknown parameter '" + key + "'; known are "
                        + String.join(", ", keys.stream().sorted().toList()));
            } else {
                m.put(key, value);
            }
            first = false;
        }
        return m;
    }

    private static RampStyle ramp(Map<String, String> p) {
        String name = p.get("palette");
        if (name == null) {
            throw new StyleException("ramp: name a palette, e.g. ramp:temperature (built-in: "
                    + String.join(", ", Palettes.names()) + ") or ramp:palette=FILE.cpt");
        }
        Palette palette = palette(name, p.get("units"));
        RampStyle d = RampStyle.of(palette);
        String units = p.get("units");
        boolean autoMin = "auto".equalsIgnoreCase(p.get("min"));
        boolean autoMax = "auto".equalsIgnoreCase(p.get("max"));
        boolean auto = !palette.stepped()
                && (autoMin || autoMax || (d.autoRange() && !p.containsKey("min") && !p.containsKey("max")));
        return new RampStyle(
                palette,
                autoMin ? Double.NaN : number(p, "min", Double.NaN),
                autoMax ? Double.NaN : number(p, "max", Double.NaN),
                units,
                (int) number(p, "steps", d.steps()),
                flag(p, "log"),
                p.containsKey("below") ? EdgeColor.parse(p.get("below")) : d.below(),
                p.containsKey("above") ? EdgeColor.parse(p.get("above")) : d.above(),
                p.containsKey("missing") ? Argb.parse(p.get("missing")) : d.missing(),
                number(p, "opacity", 1),
                p.containsKey("sampling") ? Sampling.of(p.get("sampling")) : Sampling.NEAREST,
                auto);
    }

    /** A built-in palette by name, or a CPT/SLD file (a name with a dot or a slash). */
    static Palette palette(String name, String units) {
        if (name.contains("/") || name.contains(".")) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                throw new StyleException("palette file " + name + " not found");
            }
            try {
                return Palette.fromFile(file, units != null ? units : "1");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Palettes.get(name);
    }

    private static RampStyle speedColors(Map<String, String> p, String defaultUnits) {
        if (!p.containsKey("colors")) {
            return null;
        }
        Palette palette = palette(p.get("colors"), defaultUnits);
        RampStyle d = RampStyle.of(palette);
        return new RampStyle(
                palette,
                Double.NaN,
                Double.NaN,
                palette.units(),
                d.steps(),
                false,
                EdgeColor.EXTEND,
                EdgeColor.EXTEND,
                0,
                1,
                Sampling.NEAREST,
                false);
    }

    private static BarbStyle barbs(Map<String, String> p) {
        BarbStyle d = BarbStyle.defaults();
        return new BarbStyle(
                number(p, "spacing", d.spacing()),
                number(p, "size", d.size()),
                number(p, "width", d.lineWidth()),
                p.containsKey("color") ? Argb.parse(p.get("color")) : d.color(),
                speedColors(p, "kt"));
    }

    private static ArrowStyle arrows(Map<String, String> p) {
        ArrowStyle d = ArrowStyle.defaults();
        return new ArrowStyle(
                number(p, "spacing", d.spacing()),
                number(p, "size", d.size()),
                number(p, "width", d.lineWidth()),
                p.containsKey("color") ? Argb.parse(p.get("color")) : d.color(),
                flag(p, "scaled"),
                number(p, "ref", d.referenceSpeed()),
                speedColors(p, "kt"));
    }

    private static IsolineStyle isolines(Map<String, String> p) {
        double[] levels = new double[0];
        if (p.containsKey("levels")) {
            String[] parts = p.get("levels").split("[;/ ]+");
            levels = new double[parts.length];
            for (int k = 0; k < parts.length; k++) {
                levels[k] = parse("levels", parts[k]);
            }
            java.util.Arrays.sort(levels);
        } else if (!p.containsKey("interval")) {
            throw new StyleException("isolines: give interval=N (and optionally base=B) or levels=a;b;c");
        }
        boolean labels = !p.containsKey("nolabels")
                && (!p.containsKey("labels") || !p.get("labels").equals("false"));
        return new IsolineStyle(
                number(p, "interval", Double.NaN),
                number(p, "base", 0),
                levels,
                p.get("units"),
                p.containsKey("color") ? Argb.parse(p.get("color")) : 0xff202020,
                number(p, "width", 1.2),
                (int) number(p, "major", 0),
                number(p, "majorwidth", 2.2),
                labels,
                flag(p, "labelunits"),
                number(p, "font", 11),
                (int) number(p, "smooth", 2),
                p.containsKey("fill") ? palette(p.get("fill"), p.get("units")) : null,
                number(p, "fillmin", Double.NaN),
                number(p, "fillmax", Double.NaN));
    }

    private static boolean flag(Map<String, String> p, String key) {
        String v = p.get(key);
        return v != null && !v.equalsIgnoreCase("false");
    }

    private static double number(Map<String, String> p, String key, double otherwise) {
        String v = p.get(key);
        return v == null ? otherwise : parse(key, v);
    }

    private static double parse(String key, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new StyleException(key + "='" + v + "' is not a number");
        }
    }
}
