package org.gsweather.geoserver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterValue;
import org.geotools.coverage.grid.GridGeometry2D;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.util.DateRange;
import org.geotools.util.NumberRange;
import org.geotools.util.Range;
import org.gsweather.store.SliceQuery;
import org.gsweather.store.SliceQuery.LevelRange;
import org.gsweather.store.SliceQuery.TimeRange;

/**
 * What a GeoTools read asks for: the output grid (null for the whole native grid), the slice (TIME,
 * ELEVATION, REFERENCE_TIME as GeoServer passes them: dates, numbers, ranges of either, or text) and the
 * bands (null for all).
 */
public record ReadRequest(GridGeometry2D gridGeometry, SliceQuery query, int[] bands) {
    public static final String REFERENCE_TIME = "REFERENCE_TIME";

    public static ReadRequest of(GeneralParameterValue[] parameters) {
        GridGeometry2D grid = null;
        List<TimeRange> times = new ArrayList<>();
        List<LevelRange> levels = new ArrayList<>();
        List<TimeRange> runs = new ArrayList<>();
        int[] bands = null;
        if (parameters != null) {
            for (GeneralParameterValue p : parameters) {
                if (!(p instanceof ParameterValue<?> v) || v.getValue() == null) {
                    continue;
                }
                String name = p.getDescriptor().getName().getCode();
                Object value = v.getValue();
                if (name.equals(AbstractGridFormat.READ_GRIDGEOMETRY2D.getName().getCode())) {
                    grid = (GridGeometry2D) value;
                } else if (name.equalsIgnoreCase("TIME")) {
                    times(value, times, "TIME");
                } else if (name.equalsIgnoreCase("ELEVATION")) {
                    levels(value, levels);
                } else if (name.equalsIgnoreCase(REFERENCE_TIME)) {
                    times(value, runs, "DIM_" + REFERENCE_TIME);
                } else if (name.equals(AbstractGridFormat.BANDS.getName().getCode())) {
                    bands = (int[]) value;
                }
            }
        }
        return new ReadRequest(grid, new SliceQuery(times, levels, runs), bands);
    }

    private static void times(Object value, List<TimeRange> out, String parameter) {
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                times(o, out, parameter);
            }
        } else if (value instanceof Date d) {
            out.add(TimeRange.at(d.toInstant()));
        } else if (value instanceof DateRange r) {
            out.add(new TimeRange(r.getMinValue().toInstant(), r.getMaxValue().toInstant()));
        } else if (value instanceof Range<?> r
                && r.getMinValue() instanceof Date a
                && r.getMaxValue() instanceof Date b) {
            out.add(new TimeRange(a.toInstant(), b.toInstant()));
        } else if (value instanceof String s && !s.isBlank()) {
            out.add(parseTime(s.trim(), parameter));
        }
    }

    private static TimeRange parseTime(String s, String parameter) {
        try {
            int slash = s.indexOf('/');
            if (slash > 0) {
                return new TimeRange(Instant.parse(s.substring(0, slash)), Instant.parse(s.substring(slash + 1)));
            }
            return TimeRange.at(Instant.parse(s));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    parameter + "=" + s + " is not an ISO 8601 time such as 2026-06-01T06:00:00Z");
        }
    }

    private static void levels(Object value, List<LevelRange> out) {
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                levels(o, out);
            }
        } else if (value instanceof Number n) {
            out.add(LevelRange.at(n.doubleValue()));
        } else if (value instanceof NumberRange<?> r) {
            out.add(new LevelRange(r.getMinimum(), r.getMaximum()));
        } else if (value instanceof String s && !s.isBlank()) {
            try {
                out.add(LevelRange.at(Double.parseDouble(s.trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ELEVATION=" + s + " is not a number");
            }
        }
    }
}
