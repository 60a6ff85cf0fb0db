package org.gsweather.grib2;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.gsweather.field.DataFormatException;

/** Indicator of unit of time range, code table 4.4: adds a number of units to an instant. */
final class TimeUnits {
    private TimeUnits() {}

    static Instant add(Instant t, int unit, long n) throws DataFormatException {
        return switch (unit) {
            case 0 -> t.plusSeconds(60 * n);
            case 1 -> t.plusSeconds(3600 * n);
            case 2 -> t.plusSeconds(86400 * n);
            case 3 -> calendar(t).plusMonths(n).toInstant();
            case 4 -> calendar(t).plusYears(n).toInstant();
            case 5 -> calendar(t).plusYears(10 * n).toInstant();
            case 6 -> calendar(t).plusYears(30 * n).toInstant();
            case 7 -> calendar(t).plusYears(100 * n).toInstant();
            case 10 -> t.plusSeconds(3 * 3600 * n);
            case 11 -> t.plusSeconds(6 * 3600 * n);
            case 12 -> t.plusSeconds(12 * 3600 * n);
            case 13 -> t.plusSeconds(n);
            default -> throw new DataFormatException("unit of time range " + unit + " is not defined (code table 4.4)");
        };
    }

    private static ZonedDateTime calendar(Instant t) {
        return t.atZone(ZoneOffset.UTC);
    }
}
