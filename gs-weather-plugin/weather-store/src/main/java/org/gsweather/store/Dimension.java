package org.gsweather.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The dimensions of a coverage as map requests name them, with their values written one canonical way,
 * so that a tile cache keys {@code TIME=2026-06-01T06:00Z} and {@code TIME=2026-06-01T06:00:00.000Z} alike.
 */
public enum Dimension {
    TIME("TIME"),
    ELEVATION("ELEVATION"),
    REFERENCE_TIME("DIM_REFERENCE_TIME");

    /** ISO 8601 with milliseconds, as GeoServer lists times in capabilities. */
    public static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String parameter;

    Dimension(String parameter) {
        this.parameter = parameter;
    }

    /** The request parameter: {@code TIME}, {@code ELEVATION}, {@code DIM_REFERENCE_TIME}. */
    public String parameter() {
        return parameter;
    }

    /** The dimension of a request parameter name (case-insensitive), or null. */
    public static Dimension ofParameter(String name) {
        for (Dimension d : values()) {
            if (d.parameter.equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }

    /** The coverage's values of this dimension, ascending, canonical. */
    public List<String> values(Coverage c) {
        return switch (this) {
            case TIME -> c.validTimes().stream().map(ISO::format).toList();
            case ELEVATION -> c.levelValues().stream().map(Dimension::number).toList();
            case REFERENCE_TIME -> c.runs().stream().map(ISO::format).toList();
        };
    }

    /**
     * The canonical form of a requested value.
     *
     * @throws IllegalArgumentException naming the parameter when the value is not a time or a number
     */
    public String canonical(String value) {
        String v = value.trim();
        if (this == ELEVATION) {
            try {
                return number(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(parameter + "=" + value + " is not a number");
            }
        }
        try {
            return ISO.format(parseTime(v));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    parameter + "=" + value + " is not an ISO 8601 time such as 2026-06-01T06:00:00Z");
        }
    }

    /** {@code 2026-06-01T06:00:00Z}, {@code 2026-06-01T06:00Z}, with or without fractions and zone. */
    private static Instant parseTime(String v) {
        String s = v.toUpperCase(Locale.ROOT);
        if (!s.endsWith("Z") && !s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            s = s + "Z";
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z")) {
            s = s.replace("Z", ":00Z");
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}Z")) {
            s = s.replace("Z", ":00:00Z");
        }
        return java.time.OffsetDateTime.parse(s).toInstant();
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
