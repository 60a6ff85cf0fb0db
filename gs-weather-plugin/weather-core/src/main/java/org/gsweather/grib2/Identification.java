package org.gsweather.grib2;

import static org.gsweather.grib2.Octets.u1;
import static org.gsweather.grib2.Octets.u2;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.gsweather.field.DataFormatException;

/**
 * Section 1 of a message.
 *
 * @param center originating centre (common code table C-11)
 * @param subcenter originating sub-centre
 * @param masterTableVersion GRIB master tables version number (code table 1.0)
 * @param localTableVersion local tables version number (code table 1.1)
 * @param referenceTimeSignificance code table 1.2 (1 = start of forecast)
 * @param referenceTime the reference time, UTC
 * @param productionStatus code table 1.3
 * @param dataType code table 1.4 (1 = forecast products)
 */
record Identification(
        int center,
        int subcenter,
        int masterTableVersion,
        int localTableVersion,
        int referenceTimeSignificance,
        Instant referenceTime,
        int productionStatus,
        int dataType) {

    static Identification parse(ByteBuffer b, int s, int length) throws DataFormatException {
        if (length < 21) {
            throw new DataFormatException("section 1 is " + length + " octets, at least 21 are needed");
        }
        return new Identification(
                u2(b, s, 6),
                u2(b, s, 8),
                u1(b, s, 10),
                u1(b, s, 11),
                u1(b, s, 12),
                dateTime(b, s, 13, "reference time"),
                u1(b, s, 20),
                u1(b, s, 21));
    }

    /** Year (2 octets), month, day, hour, minute, second starting at {@code octet}. */
    static Instant dateTime(ByteBuffer b, int s, int octet, String what) throws DataFormatException {
        int year = u2(b, s, octet);
        int month = u1(b, s, octet + 2);
        int day = u1(b, s, octet + 3);
        int hour = u1(b, s, octet + 4);
        int minute = u1(b, s, octet + 5);
        int second = u1(b, s, octet + 6);
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new DataFormatException(String.format(
                    "invalid %s %04d-%02d-%02d %02d:%02d:%02d", what, year, month, day, hour, minute, second));
        }
    }
}
