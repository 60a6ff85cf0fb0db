package org.gsweather.ingest.inventory;

import java.util.Objects;

/**
 * A field to download, named as {@code wx inspect} names it: the parameter's short name and the level's
 * label, e.g. {@code TMP} and {@code 2 m (Specified height level above ground)}. Written in a
 * configuration as {@code "TMP | 2 m (Specified height level above ground)"}: the second and third
 * columns of a {@code wx inspect} line, without the units and long name.
 */
public final class FieldSelector {
    private final String parameter;
    private final String level;
    private final LevelLabel label;

    /**
     * @param parameter short name, e.g. {@code TMP}, {@code UGRD}, {@code REFC}
     * @param level level label, e.g. {@code 10 m (Specified height level above ground)}, {@code Entire
     *     Atmosphere}, {@code 500 hPa (Isobaric surface)}
     * @throws IllegalArgumentException when the level is no label {@code wx inspect} can print
     */
    public FieldSelector(String parameter, String level) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.level = Objects.requireNonNull(level, "level");
        this.label = LevelLabel.parse(level).orElseThrow(() -> new IllegalArgumentException(notALabel(level)));
    }

    public String parameter() {
        return parameter;
    }

    public String level() {
        return level;
    }

    /**
     * Parses {@code PARAMETER | LEVEL}.
     *
     * @throws IllegalArgumentException saying what is wrong and what the form is
     */
    public static FieldSelector parse(String text) {
        int bar = text.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("'" + text + "' is not 'PARAMETER | LEVEL' as wx inspect prints them,"
                    + " e.g. 'TMP | 2 m (Specified height level above ground)'");
        }
        return of(text.substring(0, bar).trim(), text.substring(bar + 1).trim());
    }

    /**
     * A selector after checking its parts.
     *
     * @throws IllegalArgumentException naming the wrong part; a wgrib2 level gets its {@code wx inspect}
     *     label suggested
     */
    public static FieldSelector of(String parameter, String level) {
        if (parameter.isEmpty() || parameter.contains(" ") || parameter.contains(":")) {
            throw new IllegalArgumentException(
                    "parameter '" + parameter + "' is not a short name as wx inspect prints it, e.g. TMP, UGRD, REFC");
        }
        return new FieldSelector(parameter, level);
    }

    private static String notALabel(String level) {
        String hint = LevelNames.parseWgrib2(level)
                .map(c -> "; wx inspect calls the .idx level '" + level + "' '" + LevelNames.inspectLabel(c) + "'")
                .orElse("; e.g. '2 m (Specified height level above ground)', '500 hPa (Isobaric surface)',"
                        + " 'Entire Atmosphere', 'Mean sea level'");
        return "level '" + level + "' is not a level label as wx inspect prints it" + hint;
    }

    /** Whether an inventory line is this field. */
    public boolean matches(IdxEntry entry) {
        if (!parameter.equals(entry.parameter())) {
            return false;
        }
        return LevelNames.parseWgrib2(entry.level())
                .map(c -> label.sameLevel(LevelLabel.of(LevelNames.level(c))))
                .orElse(false);
    }

    /** Whether a decoded field is this field. */
    public boolean matches(String shortName, org.gsweather.field.Level fieldLevel) {
        return parameter.equals(shortName) && label.sameLevel(LevelLabel.of(fieldLevel));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSelector s && s.parameter.equals(parameter) && s.level.equals(level);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, level);
    }

    @Override
    public String toString() {
        return parameter + " | " + level;
    }
}
