package org.gsweather.ingest.inventory;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.field.Level;

/**
 * A level label as {@code wx inspect} prints it ({@link Level#label()}), read back into its parts:
 * {@code DESCRIPTION}, or {@code VALUE[-VALUE2] UNITS (DESCRIPTION)} with isobaric values in hPa.
 * Two labels name the same level when descriptions and units are equal and the values agree to the
 * six significant digits wgrib2 prints in inventories.
 *
 * @param description of code table 4.5, e.g. {@code Specified height level above ground}
 * @param value1 first value in the label's units, NaN when none
 * @param value2 second value, NaN when none
 * @param units as shown, e.g. {@code m}, {@code hPa}; empty when there are no values
 */
public record LevelLabel(String description, double value1, double value2, String units) {
    private static final String NUMBER = "-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern VALUES = Pattern.compile("(" + NUMBER + ")(?:-(" + NUMBER + "))? (.+)");

    /** Reads a label; empty when its description is not one of code table 4.5. */
    public static Optional<LevelLabel> parse(String label) {
        if (LevelNames.isDescription(label)) {
            return Optional.of(new LevelLabel(label, Double.NaN, Double.NaN, ""));
        }
        // The description is the longest known one in parentheses at the end.
        for (int open = label.indexOf(" ("); open > 0; open = label.indexOf(" (", open + 1)) {
            if (!label.endsWith(")")) {
                break;
            }
            String description = label.substring(open + 2, label.length() - 1);
            if (LevelNames.isDescription(description)) {
                Matcher m = VALUES.matcher(label.substring(0, open));
                if (m.matches()) {
                    double v2 = m.group(2) == null ? Double.NaN : Double.parseDouble(m.group(2));
                    return Optional.of(new LevelLabel(description, Double.parseDouble(m.group(1)), v2, m.group(3)));
                }
            }
        }
        return Optional.empty();
    }

    /** The label of a level as weather-core describes it. */
    public static LevelLabel of(Level level) {
        return parse(level.label()).orElse(new LevelLabel(level.description(), Double.NaN, Double.NaN, ""));
    }

    /** Whether both name the same level, values compared to six significant digits. */
    public boolean sameLevel(LevelLabel other) {
        return description.equals(other.description)
                && units.equals(other.units)
                && close(value1, other.value1)
                && close(value2, other.value2);
    }

    private static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return Math.abs(a - b) <= 5e-6 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
    }
}
