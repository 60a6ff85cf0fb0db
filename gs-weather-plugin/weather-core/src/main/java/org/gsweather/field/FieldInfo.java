package org.gsweather.field;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything that identifies a field, common to GRIB2 and NetCDF.
 *
 * @param parameter what is measured
 * @param level vertical level or layer
 * @param referenceTime model run (analysis) time, or observation time
 * @param validTime when the values are valid: the instant of the forecast, or the end of {@code timeRange}
 * @param timeRange statistical processing period, {@code null} for instantaneous values
 * @param ensemble ensemble member or derived product, {@code null} when deterministic
 * @param probability probability definition, {@code null} unless a probability forecast
 * @param missingCodes in-band values the producer documents as "no data", surfaced as {@link Missing}
 */
public record FieldInfo(
        Parameter parameter,
        Level level,
        Instant referenceTime,
        Instant validTime,
        TimeRange timeRange,
        Ensemble ensemble,
        Probability probability,
        List<MissingCode> missingCodes) {

    public FieldInfo {
        missingCodes = List.copyOf(missingCodes);
    }

    /** Time from the reference time to the valid time (the end of a statistical period). */
    public Duration forecastPeriod() {
        return Duration.between(referenceTime, validTime);
    }
}
