package org.gsweather.netcdf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time coordinate units of CF 1.11 section 4.4, e.g. {@code hours since 2024-01-01 00:00:00}, in a
 * calendar of section 4.4.1. Times of the real calendars (standard, proleptic_gregorian, julian) are
 * exact instants: the origin date is read in its calendar and the elapsed time added. Model calendars
 * (noleap, all_leap, 360_day) count their own days; the resulting date is then mapped to the Gregorian
 * instant of the same year and month, plus the day of month minus one, so that 360_day February 30
 * becomes 2 March and all_leap February 29 of a common year 1 March.
 */
record CfTime(String units, CfCalendar calendar, double unitSeconds, CalendarDate origin, double zoneSeconds) {

    private static final Pattern UNITS =
            Pattern.compile("^\\s*([A-Za-z_]+)\\s+(?:since|after|from|ref)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("^(-?\\d{1,4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}(?:\\.\\d*)?))?)?"
            + "\\s*(Z|UTC|GMT|[+-]\\d{1,2}(?::?\\d{2})?)?\\s*$");

    private static final double DAY = 86400;

    /** A date and time of day in some calendar. */
    record CalendarDate(long year, int month, int day, int hour, int minute, double second) {}

    /** Whether a units string has the form of time units ({@code UNIT since DATE}). */
    static boolean isTimeUnits(String units) {
        return units != null && UNITS.matcher(units).matches();
    }

    /**
     * Parses units and calendar.
     *
     * @throws IllegalArgumentException naming what is not understood
     */
    static CfTime parse(String units, String calendarAttribute) {
        CfCalendar calendar;
        try {
            calendar = CfCalendar.of(calendarAttribute);
        } catch (CfCalendar.UnknownCalendarException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Matcher m = UNITS.matcher(units == null ? "" : units);
        if (!m.matches()) {
            throw new IllegalArgumentException("time units \"" + units + "\" are not of the form UNIT since DATE");
        }
        String unit = m.group(1).toLowerCase(Locale.ROOT);
        double seconds = switch (unit) {
            case "s", "sec", "secs", "second", "seconds" -> 1;
            case "min", "mins", "minute", "minutes" -> 60;
            case "h", "hr", "hrs", "hour", "hours" -> 3600;
            case "d", "day", "days" -> DAY;
            case "week", "weeks" -> 7 * DAY;
            case "month", "months" -> calendar == CfCalendar.DAY360 ? 30 * DAY : Double.NaN;
            case "year", "years" -> calendar == CfCalendar.DAY360 ? 360 * DAY : Double.NaN;
            default ->
                throw new IllegalArgumentException("unknown time unit \"" + m.group(1) + "\" in \"" + units + "\"");
        };
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("time units \"" + units + "\": months and years are only exact in the"
                    + " 360_day calendar (CF 4.4 advises against them)");
        }
        Matcher d = DATE.matcher(m.group(2).trim());
        if (!d.matches()) {
            throw new IllegalArgumentException("reference date \"" + m.group(2).trim() + "\" of time units \"" + units
                    + "\" is not of the form YYYY-MM-DD[ hh:mm[:ss]][ zone]");
        }
        CalendarDate origin = new CalendarDate(
                Long.parseLong(d.group(1)),
                Integer.parseInt(d.group(2)),
                Integer.parseInt(d.group(3)),
                d.group(4) != null ? Integer.parseInt(d.group(4)) : 0,
                d.group(5) != null ? Integer.parseInt(d.group(5)) : 0,
                d.group(6) != null ? Double.parseDouble(d.group(6)) : 0);
        if (origin.month() < 1
                || origin.month() > 12
                || origin.day() < 1
                || origin.day() > calendar.monthLength(origin.year(), origin.month())) {
            throw new IllegalArgumentException("reference date of \"" + units + "\" does not exist in the "
                    + calendar.name().toLowerCase(Locale.ROOT) + " calendar");
        }
        return new CfTime(units, calendar, seconds, origin, zone(d.group(7)));
    }

    private static double zone(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return 0;
        }
        int sign = zone.startsWith("-") ? -1 : 1;
        String z = zone.substring(1).replace(":", "");
        int hours;
        int minutes = 0;
        if (z.length() <= 2) {
            hours = Integer.parseInt(z);
        } else {
            hours = Integer.parseInt(z.substring(0, z.length() - 2));
            minutes = Integer.parseInt(z.substring(z.length() - 2));
        }
        return sign * (hours * 3600.0 + minutes * 60.0);
    }

    /** The instant of a coordinate value, to the millisecond. */
    Instant instant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("time value " + value + " is not finite");
        }
        double ofDay = origin.hour() * 3600.0 + origin.minute() * 60.0 + origin.second() - zoneSeconds;
        if (calendar.isReal()) {
            long epochDay = epochDay(origin, calendar);
            return instantOf(epochDay, ofDay + value * unitSeconds);
        }
        double total = modelDayNumber(origin) * DAY + ofDay + value * unitSeconds;
        long days = (long) Math.floor(total / DAY);
        CalendarDate date = modelDate(days);
        long epochDay = LocalDate.of(Math.toIntExact(date.year()), date.month(), 1)
                .plusDays(date.day() - 1)
                .toEpochDay();
        return instantOf(epochDay, total - days * DAY);
    }

    private static Instant instantOf(long epochDay, double seconds) {
        long millis = Math.round(seconds * 1000);
        return Instant.ofEpochSecond(Math.multiplyExact(epochDay, 86400L)).plusMillis(millis);
    }

    /** Days from 1970-01-01 (proleptic Gregorian) of a date of a real calendar, by Julian day numbers. */
    static long epochDay(CalendarDate date, CfCalendar calendar) {
        long y = date.year();
        int m = date.month();
        long a = (14 - m) / 12;
        long yy = y + 4800 - a;
        long mm = m + 12 * a - 3;
        boolean julian = calendar == CfCalendar.JULIAN
                || calendar == CfCalendar.STANDARD && (y < 1582 || y == 1582 && (m < 10 || m == 10 && date.day() < 15));
        long jdn = date.day() + (153 * mm + 2) / 5 + 365 * yy + Math.floorDiv(yy, 4) - 32083;
        if (!julian) {
            jdn = date.day()
                    + (153 * mm + 2) / 5
                    + 365 * yy
                    + Math.floorDiv(yy, 4)
                    - Math.floorDiv(yy, 100)
                    + Math.floorDiv(yy, 400)
                    - 32045;
        }
        return jdn - 2440588;
    }

    /** Days since year 0 January 1 of a model calendar (noleap, all_leap, 360_day). */
    private long modelDayNumber(CalendarDate date) {
        long days = date.year() * yearLength();
        for (int m = 1; m < date.month(); m++) {
            days += calendar.monthLength(date.year(), m);
        }
        return days + date.day() - 1;
    }

    private int yearLength() {
        return switch (calendar) {
            case DAY360 -> 360;
            case ALL_LEAP -> 366;
            default -> 365;
        };
    }

    private CalendarDate modelDate(long dayNumber) {
        int length = yearLength();
        long year = Math.floorDiv(dayNumber, length);
        int rest = Math.floorMod(dayNumber, length);
        int month = 1;
        while (rest >= calendar.monthLength(year, month)) {
            rest -= calendar.monthLength(year, month);
            month++;
        }
        return new CalendarDate(year, month, rest + 1, 0, 0, 0);
    }
}
