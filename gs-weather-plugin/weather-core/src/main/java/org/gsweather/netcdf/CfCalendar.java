package org.gsweather.netcdf;

import java.util.Locale;

/** The calendars of CF 1.11 section 4.4.1. */
enum CfCalendar {
    /** Mixed Julian/Gregorian, switching on 1582-10-15 ({@code standard}, {@code gregorian}). */
    STANDARD,
    PROLEPTIC_GREGORIAN,
    JULIAN,
    NOLEAP,
    ALL_LEAP,
    DAY360;

    static CfCalendar of(String attribute) throws UnknownCalendarException {
        if (attribute == null || attribute.isBlank()) {
            return STANDARD;
        }
        return switch (attribute.trim().toLowerCase(Locale.ROOT)) {
            case "standard", "gregorian" -> STANDARD;
            case "proleptic_gregorian" -> PROLEPTIC_GREGORIAN;
            case "julian" -> JULIAN;
            case "noleap", "365_day" -> NOLEAP;
            case "all_leap", "366_day" -> ALL_LEAP;
            case "360_day" -> DAY360;
            default -> throw new UnknownCalendarException(attribute);
        };
    }

    /** Whether a year is a leap year in this calendar. */
    boolean leap(long year) {
        return switch (this) {
            case NOLEAP, DAY360 -> false;
            case ALL_LEAP -> true;
            case JULIAN -> Math.floorMod(year, 4) == 0;
            case PROLEPTIC_GREGORIAN -> gregorianLeap(year);
            case STANDARD -> year < 1583 ? Math.floorMod(year, 4) == 0 : gregorianLeap(year);
        };
    }

    private static boolean gregorianLeap(long year) {
        return Math.floorMod(year, 4) == 0 && (Math.floorMod(year, 100) != 0 || Math.floorMod(year, 400) == 0);
    }

    /** Whether times count in real days, so that dates map to instants exactly. */
    boolean isReal() {
        return this == STANDARD || this == PROLEPTIC_GREGORIAN || this == JULIAN;
    }

    int monthLength(long year, int month) {
        if (this == DAY360) {
            return 30;
        }
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static final class UnknownCalendarException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownCalendarException(String calendar) {
            super("unknown calendar \"" + calendar + "\" (CF 4.4.1 knows standard, gregorian, proleptic_gregorian,"
                    + " julian, noleap, 365_day, all_leap, 366_day, 360_day)");
        }
    }
}
