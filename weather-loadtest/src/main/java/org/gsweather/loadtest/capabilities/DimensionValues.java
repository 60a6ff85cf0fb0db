package org.gsweather.loadtest.capabilities;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a dimension's value list as WMS 1.3.0 Annex C and WMTS write it: comma-separated single values and
 * {@code min/max/resolution} intervals, times in ISO 8601 with an ISO 8601 period as resolution.
 */
public final class DimensionValues {

    /** More values than this in one dimension is an error, not a run plan. */
    public static final int MAX_VALUES = 100_000;

    private DimensionValues() {}

    public static List<String> expand(String text, String where) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String item : text.split(",")) {
            String v = item.trim();
            if (v.isEmpty()) {
                continue;
            }
            String[] parts = v.split("/");
            if (parts.length == 1) {
                out.add(v);
            } else if (parts.length == 3) {
                expandInterval(parts[0], parts[1], parts[2], out, where);
            } else {
                throw new CapabilitiesException(
                        where + ": dimension value '" + v + "' is neither a value nor min/max/resolution");
            }
            if (out.size() > MAX_VALUES) {
                throw new CapabilitiesException(where + ": more than " + MAX_VALUES + " dimension values");
            }
        }
        return out;
    }

    private static void expandInterval(String min, String max, String resolution, List<String> out, String where) {
        if (resolution.startsWith("P") || resolution.startsWith("p")) {
            expandTimes(min, max, resolution, out, where);
        } else {
            expandNumbers(min, max, resolution, out, where);
        }
    }

    private static void expandTimes(String min, String max, String resolution, List<String> out, String where) {
        OffsetDateTime start;
        OffsetDateTime end;
        try {
            start = time(min);
            end = time(max);
        } catch (DateTimeException e) {
            throw new CapabilitiesException(
                    where + ": time interval " + min + "/" + max + " is not ISO 8601: " + e.getMessage());
        }
        Period period = Period.ZERO;
        Duration duration = Duration.ZERO;
        String r = resolution.toUpperCase();
        int t = r.indexOf('T');
        try {
            String datePart = t < 0 ? r : r.substring(0, t);
            if (datePart.length() > 1) {
                period = Period.parse(datePart);
            }
            if (t >= 0) {
                duration = Duration.parse("P" + r.substring(t));
            }
        } catch (DateTimeParseException e) {
            throw new CapabilitiesException(where + ": time resolution '" + resolution + "' is not an ISO 8601 period");
        }
        if (period.isZero() && duration.isZero() || period.isNegative() || duration.isNegative()) {
            throw new CapabilitiesException(where + ": time resolution '" + resolution + "' is not positive");
        }
        DateTimeFormatter f = DateTimeFormatter.ISO_INSTANT;
        for (OffsetDateTime x = start; !x.isAfter(end); x = x.plus(period).plus(duration)) {
            out.add(f.format(x));
            if (out.size() > MAX_VALUES) {
                throw new CapabilitiesException(where + ": more than " + MAX_VALUES + " dimension values");
            }
        }
    }

    private static OffsetDateTime time(String s) {
        String v = s.trim();
        if (v.length() == 10) {
            v = v + "T00:00:00Z";
        }
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            return java.time.LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
        }
    }

    private static void expandNumbers(String min, String max, String resolution, List<String> out, String where) {
        BigDecimal a;
        BigDecimal b;
        BigDecimal step;
        try {
            a = new BigDecimal(min.trim());
            b = new BigDecimal(max.trim());
            step = new BigDecimal(resolution.trim());
        } catch (NumberFormatException e) {
            throw new CapabilitiesException(where + ": interval " + min + "/" + max + "/" + resolution
                    + " is neither a time (ISO 8601 period) nor a number interval");
        }
        if (step.signum() <= 0) {
            throw new CapabilitiesException(where + ": interval resolution " + resolution + " is not positive");
        }
        for (BigDecimal x = a; x.compareTo(b) <= 0; x = x.add(step)) {
            out.add(x.stripTrailingZeros().toPlainString());
            if (out.size() > MAX_VALUES) {
                throw new CapabilitiesException(where + ": more than " + MAX_VALUES + " dimension values");
            }
        }
    }
}
