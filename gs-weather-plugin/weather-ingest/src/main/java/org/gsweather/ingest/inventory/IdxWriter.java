package org.gsweather.ingest.inventory;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.field.FieldInfo;
import org.gsweather.field.TimeRange;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;

/**
 * Writes the {@code .idx} inventory of a GRIB2 file in wgrib2 {@code -s} form, as NCEP publishes beside
 * its files: for a mirror or a local cache that lacks them, and for serving test files the way NOAA does.
 */
public final class IdxWriter {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("'d='yyyyMMddHH").withZone(ZoneOffset.UTC);
    private static final Pattern UNNAMED = Pattern.compile("var(\\d+)_(\\d+)_(\\d+)");
    private static final Map<String, String> STATISTICS = Map.of(
            "accumulation", "acc",
            "average", "ave",
            "maximum", "max",
            "minimum", "min");

    private IdxWriter() {}

    /** The inventory of every field of the file, one line each. */
    public static String inventory(Grib2File file) {
        List<Grib2Field> fields = file.fields();
        Map<Integer, Integer> perMessage = new HashMap<>();
        for (Grib2Field f : fields) {
            perMessage.merge(f.message(), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        for (Grib2Field f : fields) {
            out.append(line(f, perMessage.get(f.message()) > 1)).append('\n');
        }
        return out.toString();
    }

    static String line(Grib2Field f, boolean numberSubmessage) {
        FieldInfo info = f.info();
        String number = numberSubmessage ? f.message() + "." + f.submessage() : Integer.toString(f.message());
        String level = LevelNames.codes(info.level())
                .map(LevelNames::wgrib2)
                .orElse(info.level().label());
        return number + ":" + f.messageOffset() + ":" + DATE.format(info.referenceTime()) + ":" + variable(f) + ":"
                + level + ":" + forecast(info) + ":";
    }

    private static String variable(Grib2Field f) {
        String name = f.info().parameter().shortName();
        Matcher m = UNNAMED.matcher(name);
        return m.matches()
                ? "var discipline=" + m.group(1) + " center=" + f.center() + " local_table=1 parmcat=" + m.group(2)
                        + " parm=" + m.group(3)
                : name;
    }

    private static String forecast(FieldInfo info) {
        TimeRange range = info.timeRange();
        if (range == null) {
            Duration d = info.forecastPeriod();
            return d.isZero() ? "anl" : time(d) + " fcst";
        }
        long start = Duration.between(info.referenceTime(), range.start()).toHours();
        long end = info.forecastPeriod().toHours();
        String process = STATISTICS.getOrDefault(range.process(), range.process());
        return start + "-" + end + " hour " + process + " fcst";
    }

    private static String time(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hour" : d.toMinutes() + " min";
    }
}
