package org.gsweather.ingest.inventory;

import java.util.Objects;

/**
 * A field to download, named as {@code wx inspect} names it: the parameter's short name and the level's
 * label, e.g. {@code TMP} and {@code 2 m (Specified height level above ground)}. Written in a
 * configuration as {@code "TMP | 2 m (Specified height level above ground)"}: the second and third
 * columns of a {@code wx inspect} line, without the units and long name.
 *
 * @param parameter short name, e.g. {@code TMP}, {@code UGRD}, {@code REFC}
 * @param level level label, e.g. {@code 10 m (Specified height level above ground)}, {@code Entire
 *     Atmosphere}, {@code 500 hPa (Isobaric surface)}
 */
public record FieldSelector(String parameter, String level) {
    public FieldSelector {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(level, "level");
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
     * A selector after checking that the level is one {@code wx inspect} can print.
     *
     * @throws IllegalArgumentException naming the wrong part; a wgrib2 level gets its {@code wx inspect}
     *     label suggested
     */
    public static FieldSelector of(String parameter, String level) {
        if (parameter.isEmpty() || parameter.contains(" ") || parameter.contains(":")) {
            throw new IllegalArgumentException(
                    "parameter '" + parameter + "' is not a short name as wx inspect prints it, e.g. TMP, UGRD, REFC");
        }
        if (!isInspectLabel(level)) {
            String hint = LevelNames.parseWgrib2(level)
                    .map(c -> "; wx inspect calls the .idx level '" + level + "' '" + LevelNames.inspectLabel(c) + "'")
                    .orElse("; e.g. '2 m (Specified height level above ground)', '500 hPa (Isobaric surface)',"
                            + " 'Entire Atmosphere', 'Mean sea level'");
            throw new IllegalArgumentException(
                    "level '" + level + "' is not a level label as wx inspect prints it" + hint);
        }
        return new FieldSelector(parameter, level);
    }

    /** A label is {@code DESCRIPTION} or {@code VALUE[-VALUE2] UNITS (DESCRIPTION)} of code table 4.5. */
    private static boolean isInspectLabel(String level) {
        if (LevelNames.isDescription(level)) {
            return true;
        }
        int open = level.indexOf(" (");
        return open > 0
                && level.endsWith(")")
                && LevelNames.isDescription(level.substring(open + 2, level.length() - 1));
    }

    /** Whether an inventory line is this field. */
    public boolean matches(IdxEntry entry) {
        return parameter.equals(entry.parameter()) && level.equals(entry.inspectLevel());
    }

    /** Whether a decoded field is this field. */
    public boolean matches(String shortName, String levelLabel) {
        return parameter.equals(shortName) && level.equals(levelLabel);
    }

    @Override
    public String toString() {
        return parameter + " | " + level;
    }
}
