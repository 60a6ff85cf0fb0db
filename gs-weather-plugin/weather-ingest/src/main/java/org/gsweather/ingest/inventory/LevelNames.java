package org.gsweather.ingest.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.field.Level;
import org.gsweather.grib2.Grib2File;

/**
 * Level names in the two vocabularies a user meets: {@code wx inspect}'s labels (e.g. {@code 2 m
 * (Specified height level above ground)}, {@link Level#label()}) and the level column of the {@code .idx}
 * inventories NCEP publishes beside its GRIB2 files, written by wgrib2 {@code -s} (e.g. {@code 2 m above
 * ground}). Both are functions of the fixed surfaces ({@link LevelCodes}); this class goes from wgrib2's
 * text to the surfaces and from the surfaces to either vocabulary.
 *
 * <p>The wgrib2 phrases are those of wgrib2's level table ({@code Level.c}: code table 4.5 with the
 * NCEP local codes 192-254); values are printed with C's {@code %g}, isobaric values in mb. The
 * descriptions and units of code table 4.5 are weather-core's ({@code levels.tsv}), so that a label
 * made here is the label {@code wx inspect} prints.
 */
public final class LevelNames {
    private static final String NUMBER = "(-?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?)";

    /** wgrib2's phrase per code for a single surface; {@code %g} stands for the value. */
    private static final Map<Integer, String> SINGLE = new LinkedHashMap<>();
    /** wgrib2's phrase per code for a layer between two surfaces of that same type. */
    private static final Map<Integer, String> LAYER = new LinkedHashMap<>();

    static {
        single(1, "surface");
        single(2, "cloud base");
        single(3, "cloud top");
        single(4, "0C isotherm");
        single(5, "level of adiabatic condensation from sfc");
        single(6, "max wind");
        single(7, "tropopause");
        single(8, "top of atmosphere");
        single(9, "sea bottom");
        single(10, "entire atmosphere");
        single(11, "cumulonimbus base");
        single(12, "cumulonimbus top");
        single(13, "lowest level %g% integrated cloud cover");
        single(14, "level of free convection");
        single(15, "convection condensation level");
        single(16, "level of neutral buoyancy");
        single(20, "%g K level");
        single(21, "lowest level > %g kg/m^3");
        single(22, "highest level > %g kg/m^3");
        single(25, "highest level > %g dBZ");
        single(100, "%g mb");
        single(101, "mean sea level");
        single(102, "%g m above mean sea level");
        single(103, "%g m above ground");
        single(104, "%g sigma level");
        single(105, "%g hybrid level");
        single(106, "%g m underground");
        single(107, "%g K isentropic level");
        single(108, "%g mb above ground");
        single(109, "PV=%g (Km^2/kg/s) surface");
        single(111, "%g Eta level");
        single(113, "%g logarithmic hybrid level");
        single(114, "snow level");
        single(115, "%g sigma height level");
        single(117, "mixed layer depth");
        single(118, "%g hybrid height level");
        single(119, "%g hybrid pressure level");
        single(150, "%g generalized vertical height coordinate");
        single(151, "soil level %g");
        single(160, "%g m below sea level");
        single(161, "%g m below water surface");
        single(162, "lake or river bottom");
        single(168, "ocean model level %g");
        single(174, "top surface of ice on sea, lake or river");
        single(177, "deep soil");
        single(200, "entire atmosphere (considered as a single layer)");
        single(201, "entire ocean (considered as a single layer)");
        single(204, "highest tropospheric freezing level");
        single(206, "grid scale cloud bottom level");
        single(207, "grid scale cloud top level");
        single(209, "boundary layer cloud bottom level");
        single(210, "boundary layer cloud top level");
        single(211, "boundary layer cloud layer");
        single(212, "low cloud bottom level");
        single(213, "low cloud top level");
        single(214, "low cloud layer");
        single(215, "cloud ceiling");
        single(220, "planetary boundary layer");
        single(221, "layer between two hybrid levels");
        single(222, "middle cloud bottom level");
        single(223, "middle cloud top level");
        single(224, "middle cloud layer");
        single(232, "high cloud bottom level");
        single(233, "high cloud top level");
        single(234, "high cloud layer");
        single(237, "bottom of ocean mixed layer");
        single(238, "bottom of ocean isothermal layer");
        single(240, "ocean mixed layer");
        single(241, "%g in sequence");
        single(242, "convective cloud bottom level");
        single(243, "convective cloud top level");
        single(244, "convective cloud layer");
        single(245, "lowest level of the wet bulb zero");
        single(246, "maximum equivalent potential temperature level");
        single(247, "equilibrium level");
        single(248, "shallow convective cloud bottom level");
        single(249, "shallow convective cloud top level");
        single(251, "deep convective cloud bottom level");
        single(252, "deep convective cloud top level");
        single(253, "lowest bottom level of supercooled liquid water layer");
        single(254, "highest top level of supercooled liquid water layer");

        LAYER.put(100, "%g-%g mb");
        LAYER.put(102, "%g-%g m above mean sea level");
        LAYER.put(103, "%g-%g m above ground");
        LAYER.put(104, "%g-%g sigma layer");
        LAYER.put(105, "%g-%g hybrid layer");
        LAYER.put(106, "%g-%g m below ground");
        LAYER.put(107, "%g-%g K isentropic layer");
        LAYER.put(108, "%g-%g mb above ground");
        LAYER.put(111, "%g-%g Eta layer");
        LAYER.put(115, "%g-%g sigma height layer");
        LAYER.put(118, "%g-%g hybrid height layer");
        LAYER.put(119, "%g-%g hybrid pressure layer");
        LAYER.put(150, "%g-%g generalized vertical height coordinate");
        LAYER.put(160, "%g-%g m below sea level");
    }

    private static final String ATMOSPHERE_COLUMN = "atmos col";
    private static final String OCEAN_COLUMN = "ocean column";
    private static final String NO_LEVEL = "no_level";

    private static final Map<String, Integer> FIXED = new HashMap<>();
    private static final Map<Integer, Pattern> SINGLE_PATTERNS = new LinkedHashMap<>();
    private static final Map<Integer, Pattern> LAYER_PATTERNS = new LinkedHashMap<>();

    static {
        SINGLE.forEach((code, phrase) -> {
            if (phrase.contains("%g")) {
                SINGLE_PATTERNS.put(code, pattern(phrase));
            } else {
                FIXED.put(phrase, code);
            }
        });
        LAYER.forEach((code, phrase) -> LAYER_PATTERNS.put(code, pattern(phrase)));
    }

    private LevelNames() {}

    private static void single(int code, String phrase) {
        SINGLE.put(code, phrase);
    }

    private static Pattern pattern(String phrase) {
        StringBuilder regex = new StringBuilder("^");
        String[] parts = phrase.split("%g", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(NUMBER);
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.append('$').toString());
    }

    /** Whether the code is an isobaric one whose wgrib2 values are in mb and GRIB2 values in Pa. */
    private static boolean inMillibars(int code) {
        return code == 100 || code == 108;
    }

    /**
     * The surfaces of a wgrib2 level text, e.g. {@code 500 mb} is (100, 50000 Pa), {@code 0-1000 m above
     * ground} is (103, 0, 103, 1000); empty for a text this table does not know.
     */
    public static Optional<LevelCodes> parseWgrib2(String text) {
        Integer fixed = FIXED.get(text);
        if (fixed != null) {
            return Optional.of(LevelCodes.single(fixed, Double.NaN));
        }
        switch (text) {
            case ATMOSPHERE_COLUMN:
                return Optional.of(new LevelCodes(1, Double.NaN, 8, Double.NaN));
            case OCEAN_COLUMN:
                return Optional.of(new LevelCodes(9, Double.NaN, 1, Double.NaN));
            case NO_LEVEL:
                return Optional.of(new LevelCodes(255, Double.NaN, 255, Double.NaN));
            default:
                break;
        }
        for (Map.Entry<Integer, Pattern> e : LAYER_PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            if (m.matches()) {
                int code = e.getKey();
                return Optional.of(
                        new LevelCodes(code, fromWgrib2(code, m.group(1)), code, fromWgrib2(code, m.group(2))));
            }
        }
        for (Map.Entry<Integer, Pattern> e : SINGLE_PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            if (m.matches()) {
                int code = e.getKey();
                return Optional.of(LevelCodes.single(code, fromWgrib2(code, m.group(1))));
            }
        }
        int dash = text.indexOf(" - ");
        if (dash > 0) {
            Optional<LevelCodes> first = parseWgrib2(text.substring(0, dash));
            Optional<LevelCodes> second = parseWgrib2(text.substring(dash + 3));
            if (first.isPresent()
                    && second.isPresent()
                    && !first.get().hasSecond()
                    && !second.get().hasSecond()) {
                return Optional.of(new LevelCodes(
                        first.get().type1(),
                        first.get().value1(),
                        second.get().type1(),
                        second.get().value1()));
            }
        }
        return Optional.empty();
    }

    private static double fromWgrib2(int code, String number) {
        double v = Double.parseDouble(number);
        return inMillibars(code) ? v * 100 : v;
    }

    /** The level as wgrib2 {@code -s} writes it, e.g. {@code 2 m above ground}, {@code 500 mb}. */
    public static String wgrib2(LevelCodes c) {
        if (c.type1() == 1 && c.type2() == 8) {
            return ATMOSPHERE_COLUMN;
        }
        if (c.type1() == 9 && c.type2() == 1) {
            return OCEAN_COLUMN;
        }
        if (c.type1() == 255 && c.type2() == 255) {
            return NO_LEVEL;
        }
        if (c.type1() == c.type2() && LAYER.containsKey(c.type1())) {
            return format(LAYER.get(c.type1()), c.type1(), c.value1(), c.value2());
        }
        String first = wgrib2Single(c.type1(), c.value1());
        return c.hasSecond() ? first + " - " + wgrib2Single(c.type2(), c.value2()) : first;
    }

    private static String wgrib2Single(int code, double value) {
        String phrase = SINGLE.get(code);
        if (phrase == null) {
            return Double.isNaN(value) ? "local level type " + code : "local level type " + code + " " + printfG(value);
        }
        return format(phrase, code, value, Double.NaN);
    }

    private static String format(String phrase, int code, double v1, double v2) {
        double scale = inMillibars(code) ? 0.01 : 1;
        String out = phrase.replaceFirst("%g", Matcher.quoteReplacement(printfG(v1 * scale)));
        return out.replaceFirst("%g", Matcher.quoteReplacement(printfG(v2 * scale)));
    }

    /** C's {@code printf("%g")} of a float, as wgrib2 prints level values: 6 significant digits. */
    static String printfG(double value) {
        float f = (float) value;
        String s = String.format(Locale.ROOT, "%.6g", (double) f);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + exponent;
    }

    /**
     * The level as weather-core describes it, so that {@link Level#label()} is what {@code wx inspect}
     * prints for a field with these surfaces.
     */
    public static Level level(LevelCodes c) {
        if (c.type1() == 255) {
            return new Level("none", "no level", Double.NaN, Double.NaN, "");
        }
        SurfaceType first = SurfaceTypes.TABLE.of(c.type1());
        String type = first.shortName();
        double value2 = Double.NaN;
        if (c.hasSecond()) {
            value2 = c.value2();
            if (c.type2() != c.type1()) {
                type = type + "-" + SurfaceTypes.TABLE.of(c.type2()).shortName();
            }
        }
        if ("-".equals(first.units()) || first.units().isEmpty()) {
            return new Level(type, first.description(), Double.NaN, Double.NaN, "");
        }
        return new Level(type, first.description(), c.value1(), value2, first.units());
    }

    /** The label {@code wx inspect} prints for these surfaces. */
    public static String inspectLabel(LevelCodes c) {
        return level(c).label();
    }

    /**
     * The surfaces of a level as weather-core describes it (the first by its description, the second by
     * its short name); empty when the description is not one of code table 4.5.
     */
    public static Optional<LevelCodes> codes(Level level) {
        if ("none".equals(level.type())) {
            return Optional.of(new LevelCodes(255, Double.NaN, 255, Double.NaN));
        }
        Optional<Integer> first = SurfaceTypes.TABLE.byDescription(level.description());
        if (first.isEmpty()) {
            return Optional.empty();
        }
        int dash = level.type().indexOf('-');
        int type2 = LevelCodes.MISSING;
        if (dash > 0) {
            Optional<Integer> second =
                    SurfaceTypes.TABLE.byShortName(level.type().substring(dash + 1));
            if (second.isEmpty()) {
                return Optional.empty();
            }
            type2 = second.get();
        } else if (!Double.isNaN(level.value2())) {
            type2 = first.get();
        }
        return Optional.of(new LevelCodes(first.get(), level.value(), type2, level.value2()));
    }

    /** Whether a description names a surface type of code table 4.5 (as {@code wx inspect} prints it). */
    static boolean isDescription(String description) {
        return SurfaceTypes.TABLE.byDescription(description).isPresent();
    }

    /** One row of code table 4.5 as weather-core has it. */
    record SurfaceType(String shortName, String description, String units) {}

    /** Code table 4.5 from weather-core's {@code levels.tsv}, read once. */
    static final class SurfaceTypes {
        static final SurfaceTypes TABLE = new SurfaceTypes();
        private static final String RESOURCE = "levels.tsv";
        private final SurfaceType[] types = new SurfaceType[256];
        private final Map<String, Integer> byDescription = new HashMap<>();
        private final Map<String, Integer> byShortName = new HashMap<>();

        private SurfaceTypes() {
            try (InputStream in = Grib2File.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("weather-core lacks its resource " + RESOURCE);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] row = line.split("\t", -1);
                    int code = Integer.parseInt(row[0]);
                    String shortName = row[1].isEmpty() ? "LVL" + code : row[1];
                    types[code] = new SurfaceType(shortName, row[2], row[3]);
                    byDescription.putIfAbsent(row[2], code);
                    byShortName.putIfAbsent(shortName, code);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read weather-core's " + RESOURCE, e);
            }
            for (int code = 0; code < types.length; code++) {
                if (types[code] == null) {
                    String description = (code >= 192 ? "local level type " : "level type ") + code;
                    types[code] = new SurfaceType("LVL" + code, description, "unknown");
                    byDescription.putIfAbsent(description, code);
                }
            }
        }

        SurfaceType of(int code) {
            return code >= 0 && code <= 255
                    ? types[code]
                    : new SurfaceType("LVL" + code, "level type " + code, "unknown");
        }

        Optional<Integer> byDescription(String description) {
            return Optional.ofNullable(byDescription.get(description));
        }

        Optional<Integer> byShortName(String shortName) {
            return Optional.ofNullable(byShortName.get(shortName));
        }
    }
}
