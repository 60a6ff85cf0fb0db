package org.gsweather.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gsweather.testing.Tools;

/**
 * Real GRIB2 files moved to other model runs and forecast hours by ecCodes' {@code grib_set}, so that a
 * store directory holds several runs of one model as an operational one does.
 */
final class Runs {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HHmm").withZone(ZoneOffset.UTC);

    private Runs() {}

    /** Skips the calling test unless grib_set is installed. */
    static void require() {
        Tools.require("grib_set");
    }

    /**
     * Writes {@code out}: every message of {@code in} with reference time {@code run} and forecast time
     * {@code hours} (instantaneous fields only; statistical ones are copied unchanged apart from the run).
     */
    static Path copy(Path in, Path out, Instant run, int hours) {
        Tools.run(List.of(
                "grib_set",
                "-s",
                "dataDate=" + DATE.format(run) + ",dataTime=" + TIME.format(run),
                in.toString(),
                out + ".run"));
        Tools.run(List.of(
                "grib_set",
                "-w",
                "productDefinitionTemplateNumber=0",
                "-s",
                "indicatorOfUnitOfTimeRange=1,forecastTime=" + hours,
                out + ".run",
                out.toString()));
        Tools.run(List.of("rm", "-f", out + ".run"));
        return out;
    }
}
