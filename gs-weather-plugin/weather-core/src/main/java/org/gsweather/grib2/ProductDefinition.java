package org.gsweather.grib2;

import static org.gsweather.grib2.Octets.s4;
import static org.gsweather.grib2.Octets.u1;
import static org.gsweather.grib2.Octets.u2;
import static org.gsweather.grib2.Octets.u4;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.Ensemble;
import org.gsweather.field.Probability;

/**
 * Section 4 of a field, as far as identifying it needs.
 *
 * @param template product definition template number (code table 4.0)
 * @param category parameter category (code table 4.1)
 * @param number parameter number (code table 4.2)
 * @param generatingProcessType code table 4.3, 255 when the template has none
 * @param timeUnit indicator of unit of time range (code table 4.4)
 * @param forecastTime forecast time in {@code timeUnit}: the start of a statistical period
 * @param surface1 type of first fixed surface (code table 4.5), 255 = none
 * @param value1 scaled value of the first surface, NaN when missing
 * @param surface2 type of second fixed surface, 255 = none
 * @param value2 scaled value of the second surface, NaN when missing
 * @param statisticalProcess code table 4.10 of the first time range, -1 when not statistical
 * @param rangeUnit unit (code table 4.4) of the first time range's length
 * @param rangeLength length of the first time range, -1 when missing
 * @param intervalEnd end of the overall time interval of a statistical product, {@code null} otherwise
 * @param ensemble member or derived-product information, {@code null} when deterministic
 * @param probability probability definition, {@code null} when not a probability product
 * @param layoutKnown whether octets 12-34 follow template 4.0 (false for templates this parser does
 *     not know, whose level and time are then not read)
 */
record ProductDefinition(
        int template,
        int category,
        int number,
        int generatingProcessType,
        int timeUnit,
        long forecastTime,
        int surface1,
        double value1,
        int surface2,
        double value2,
        int statisticalProcess,
        int rangeUnit,
        long rangeLength,
        Instant intervalEnd,
        Ensemble ensemble,
        Probability probability,
        boolean layoutKnown) {

    /** Templates whose octets 10-34 follow template 4.0 (WMO code table 4.0). */
    private static boolean hasBaseLayout(int template) {
        return template >= 0 && template <= 15 && template != 3 && template != 4;
    }

    /** Octet where the "end of overall time interval" starts, for statistical templates. */
    private static int intervalEndOctet(int template) {
        return switch (template) {
            case 8 -> 35;
            case 9 -> 48;
            case 10 -> 36;
            case 11 -> 38;
            case 12 -> 37;
            default -> -1;
        };
    }

    static ProductDefinition parse(ByteBuffer b, int s, int length) throws DataFormatException {
        if (length < 11) {
            throw new DataFormatException("section 4 is " + length + " octets, at least 11 are needed");
        }
        int template = u2(b, s, 8);
        int category = u1(b, s, 10);
        int number = u1(b, s, 11);
        if (!hasBaseLayout(template)) {
            return new ProductDefinition(
                    template,
                    category,
                    number,
                    255,
                    1,
                    0,
                    255,
                    Double.NaN,
                    255,
                    Double.NaN,
                    -1,
                    1,
                    -1,
                    null,
                    null,
                    null,
                    false);
        }
        int end = intervalEndOctet(template);
        int needed = switch (template) {
            case 1 -> 37;
            case 2 -> 36;
            case 5 -> 47;
            default -> end > 0 ? end + 23 : 34;
        };
        if (length < needed) {
            throw new DataFormatException(
                    "section 4 is " + length + " octets, template 4." + template + " needs " + needed);
        }
        int unit = u1(b, s, 18);
        long forecastTime = s4(b, s, 19);
        int surface1 = u1(b, s, 23);
        double value1 = Octets.signedScaled(b, s, 24, 25);
        int surface2 = u1(b, s, 29);
        double value2 = Octets.signedScaled(b, s, 30, 31);

        Instant intervalEnd = null;
        int statistic = -1;
        int rangeUnit = 1;
        long rangeLength = -1;
        if (end > 0) {
            int ranges = u1(b, s, end + 7);
            if (ranges == 0) {
                throw new DataFormatException("template 4." + template + ": no time range specification");
            }
            intervalEnd = Identification.dateTime(b, s, end, "end of overall time interval");
            statistic = u1(b, s, end + 12);
            rangeUnit = u1(b, s, end + 14);
            rangeLength = Octets.isMissing4(b, s, end + 15) ? -1 : u4(b, s, end + 15);
        }

        Ensemble ensemble = switch (template) {
            case 1, 11 -> new Ensemble(Grib2Tables.ensembleType(u1(b, s, 35)), u1(b, s, 36), u1(b, s, 37));
            case 2, 12 -> new Ensemble(Grib2Tables.derivedForecast(u1(b, s, 35)), -1, u1(b, s, 36));
            default -> null;
        };
        Probability probability = null;
        if (template == 5 || template == 9) {
            int type = u1(b, s, 37);
            probability = new Probability(
                    Grib2Tables.probabilityType(type), signedScaled(b, s, 38, 39), signedScaled(b, s, 43, 44));
        }
        return new ProductDefinition(
                template,
                category,
                number,
                u1(b, s, 12),
                unit,
                forecastTime,
                surface1,
                value1,
                surface2,
                value2,
                statistic,
                rangeUnit,
                rangeLength,
                intervalEnd,
                ensemble,
                probability,
                true);
    }

    /** Probability limits: signed scale factor and signed scaled value (template 4.5 octets 38-47). */
    private static double signedScaled(ByteBuffer b, int s, int factorOctet, int valueOctet) {
        if (u1(b, s, factorOctet) == 0xff && u4(b, s, valueOctet) == 0xffffffffL) {
            return Double.NaN;
        }
        int factor = Octets.s1(b, s, factorOctet);
        long value = s4(b, s, valueOctet);
        return factor == 0 ? value : value / Math.pow(10, factor);
    }

    /** Start of the forecast (of the statistical period), or the instant of an instantaneous field. */
    Instant forecastStart(Instant reference) throws DataFormatException {
        try {
            return Grib2Tables.plusTimeUnits(reference, forecastTime, timeUnit);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new DataFormatException("forecast time " + forecastTime + ": " + e.getMessage());
        }
    }

    /**
     * End of the statistical period: its start plus the length of the (first) time range, as ecCodes'
     * endStep and wgrib2 count it; the stated end of the overall interval when the length is missing.
     * Some producers (NDFD) state an end that disagrees with the length.
     */
    Instant periodEnd(Instant reference) throws DataFormatException {
        if (rangeLength < 0) {
            return intervalEnd;
        }
        try {
            return Grib2Tables.plusTimeUnits(forecastStart(reference), rangeLength, rangeUnit);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new DataFormatException("length of time range " + rangeLength + ": " + e.getMessage());
        }
    }

    /** Valid time: the stated end of the overall time interval, or the forecast instant (as ecCodes and wgrib2). */
    Instant validTime(Instant reference) throws DataFormatException {
        return intervalEnd != null ? intervalEnd : forecastStart(reference);
    }
}
