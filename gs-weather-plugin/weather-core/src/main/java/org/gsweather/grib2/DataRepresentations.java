package org.gsweather.grib2;

import static org.gsweather.grib2.Octets.f4;
import static org.gsweather.grib2.Octets.s2;
import static org.gsweather.grib2.Octets.u1;
import static org.gsweather.grib2.Octets.u2;
import static org.gsweather.grib2.Octets.u4;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;

/** Parses section 5 (data representation) into a {@link DataRepresentation}. */
final class DataRepresentations {
    private DataRepresentations() {}

    /**
     * @param b the message
     * @param s offset of section 5 in {@code b}
     * @param length length of section 5
     */
    static DataRepresentation parse(ByteBuffer b, int s, int length) throws DataFormatException {
        int template = u2(b, s, 10);
        int needed = switch (template) {
            case 0, 41 -> 21;
            case 2 -> 47;
            case 3 -> 49;
            case 4 -> 12;
            case 40 -> 23;
            case 42 -> 25;
            case 200 -> 17;
            default -> 11;
        };
        if (length < needed) {
            throw new DataFormatException(
                    "section 5 is " + length + " octets, template 5." + template + " needs " + needed);
        }
        return switch (template) {
            case 0 -> new SimplePacking(scaling(b, s), bits(b, s, template));
            case 2, 3 -> complex(b, s, template);
            case 4 -> new IeeePacking(u1(b, s, 12));
            case 40 -> new Jpeg2000Packing(scaling(b, s), bits(b, s, template));
            case 41 -> new PngPacking(scaling(b, s), bits(b, s, template));
            case 42 -> new CcsdsPacking(scaling(b, s), bits(b, s, template), u1(b, s, 22), u1(b, s, 23), u2(b, s, 24));
            case 200 -> runLength(b, s, length);
            default -> new UnsupportedPacking(template);
        };
    }

    private static Scaling scaling(ByteBuffer b, int s) {
        return new Scaling(f4(b, s, 12), s2(b, s, 16), s2(b, s, 18));
    }

    private static int bits(ByteBuffer b, int s, int template) throws DataFormatException {
        int bits = u1(b, s, 20);
        SimplePacking.checkBits(bits, "5." + template);
        return bits;
    }

    private static ComplexPacking complex(ByteBuffer b, int s, int template) throws DataFormatException {
        long groups = u4(b, s, 32);
        if (groups > Integer.MAX_VALUE) {
            throw new DataFormatException("template 5." + template + ": " + groups + " groups");
        }
        int missingManagement = u1(b, s, 23);
        if (missingManagement > 2) {
            throw new DataFormatException("template 5." + template + ": missing value management " + missingManagement
                    + " is not defined (code table 5.5)");
        }
        return new ComplexPacking(
                scaling(b, s),
                bits(b, s, template),
                missingManagement,
                (int) groups,
                u1(b, s, 36),
                u1(b, s, 37),
                u4(b, s, 38),
                u1(b, s, 42),
                u4(b, s, 43),
                u1(b, s, 47),
                template == 3 ? u1(b, s, 48) : 0,
                template == 3 ? u1(b, s, 49) : 0);
    }

    private static RunLengthPacking runLength(ByteBuffer b, int s, int length) throws DataFormatException {
        int bits = u1(b, s, 12);
        int maxValue = u2(b, s, 13);
        int levels = u2(b, s, 15);
        int decimalScale = u1(b, s, 17);
        if (bits == 0 || bits > 16) {
            throw new DataFormatException("template 5.200: " + bits + " bits per value (1 to 16 supported)");
        }
        if (length < 17 + 2 * levels) {
            throw new DataFormatException(
                    "template 5.200: section 5 is " + length + " octets, too short for " + levels + " level values");
        }
        int[] values = new int[levels];
        for (int k = 0; k < levels; k++) {
            values[k] = u2(b, s, 18 + 2 * k);
        }
        return new RunLengthPacking(bits, maxValue, decimalScale, values);
    }
}
