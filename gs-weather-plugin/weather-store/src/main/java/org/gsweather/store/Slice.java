package org.gsweather.store;

import java.time.Instant;
import org.gsweather.field.TimeRange;

/**
 * One two-dimensional field of a coverage at one valid time, level and model run: a scalar field, or
 * the u and v fields of a wind.
 *
 * @param validTime when the values are valid (the end of a statistical period)
 * @param run the model run (reference time)
 * @param level the level in the coverage's level units (hPa for pressure), NaN when the coverage has none
 * @param timeRange the statistical period, null for instantaneous values
 * @param scalar the field of a scalar coverage, null for a wind
 * @param u the eastward (or grid x) component of a wind, null for a scalar
 * @param v the northward (or grid y) component of a wind, null for a scalar
 */
public record Slice(
        Instant validTime, Instant run, double level, TimeRange timeRange, FieldRef scalar, FieldRef u, FieldRef v) {

    public boolean isWind() {
        return scalar == null;
    }

    /** Whether the slice lies at this level (both NaN, or equal to a relative 1e-9). */
    boolean atLevel(double l) {
        if (Double.isNaN(level) || Double.isNaN(l)) {
            return Double.isNaN(level) && Double.isNaN(l);
        }
        return Math.abs(level - l) <= 1e-9 * Math.max(1, Math.abs(l));
    }

    /** The file of the slice (the u component's for a wind). */
    public StoreFile file() {
        return scalar != null ? scalar.file() : u.file();
    }
}
