package org.gsweather.ingest.inventory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a wgrib2-style {@code .idx} inventory: {@code 71:47485468:d=2021010100:TMP:2 m above
 * ground:anl:} (message[.submessage], byte offset of the message, reference time, variable, level,
 * forecast, then optional columns such as ensemble or probability).
 *
 * @param message message number, from 1
 * @param submessage field within the message, 1 for single-field messages
 * @param offset byte offset of the message in the GRIB2 file
 * @param date reference time as written, {@code d=YYYYMMDDHH}
 * @param variable wgrib2's variable name, e.g. {@code TMP}
 * @param level wgrib2's level, e.g. {@code 2 m above ground}
 * @param forecast wgrib2's forecast, e.g. {@code anl}, {@code 1 hour fcst}, {@code 0-1 hour acc fcst}
 * @param line the whole line
 */
public record IdxEntry(
        int message,
        int submessage,
        long offset,
        String date,
        String variable,
        String level,
        String forecast,
        String line) {

    private static final Pattern UNNAMED =
            Pattern.compile("var discipline=(\\d+) center=\\d+ local_table=\\d+ parmcat=(\\d+) parm=(\\d+)");

    /**
     * The variable as {@code wx inspect} names it: the same short names as wgrib2, except that
     * parameters no table names ({@code var discipline=0 center=7 local_table=1 parmcat=16 parm=201})
     * are {@code var0_16_201}.
     */
    public String parameter() {
        Matcher m = UNNAMED.matcher(variable);
        return m.matches() ? "var" + m.group(1) + "_" + m.group(2) + "_" + m.group(3) : variable;
    }

    /** The level as {@code wx inspect} labels it, or null when wgrib2's text is not one this table knows. */
    public String inspectLevel() {
        return LevelNames.parseWgrib2(level).map(LevelNames::inspectLabel).orElse(null);
    }
}
