package org.gsweather.grib2;

import java.nio.ByteBuffer;

/**
 * Reads GRIB2 numbers at absolute positions. Positions are 1-based octet numbers within a section, as
 * the WMO templates number them, relative to the section's start {@code base}. Signed integers use the
 * GRIB2 sign-and-magnitude form (most significant bit is the sign); "all ones" means missing.
 */
final class Octets {
    private Octets() {}

    static int u1(ByteBuffer b, int base, int octet) {
        return b.get(base + octet - 1) & 0xff;
    }

    static int u2(ByteBuffer b, int base, int octet) {
        return b.getShort(base + octet - 1) & 0xffff;
    }

    static long u4(ByteBuffer b, int base, int octet) {
        return b.getInt(base + octet - 1) & 0xffffffffL;
    }

    static int s1(ByteBuffer b, int base, int octet) {
        int v = u1(b, base, octet);
        return (v & 0x80) != 0 ? -(v & 0x7f) : v;
    }

    static int s2(ByteBuffer b, int base, int octet) {
        int v = u2(b, base, octet);
        return (v & 0x8000) != 0 ? -(v & 0x7fff) : v;
    }

    static long s4(ByteBuffer b, int base, int octet) {
        long v = u4(b, base, octet);
        return (v & 0x80000000L) != 0 ? -(v & 0x7fffffffL) : v;
    }

    static float f4(ByteBuffer b, int base, int octet) {
        return b.getFloat(base + octet - 1);
    }

    static boolean isMissing4(ByteBuffer b, int base, int octet) {
        return u4(b, base, octet) == 0xffffffffL;
    }

    static boolean isMissing1(ByteBuffer b, int base, int octet) {
        return u1(b, base, octet) == 0xff;
    }

    /** Sign-and-magnitude integer of {@code n} octets (n up to 7), as spatial differencing descriptors use. */
    static long sn(ByteBuffer b, int pos, int n) {
        long v = 0;
        for (int k = 0; k < n; k++) {
            v = (v << 8) | (b.get(pos + k) & 0xff);
        }
        long sign = 1L << (8 * n - 1);
        return (v & sign) != 0 ? -(v & (sign - 1)) : v;
    }

    /**
     * A value given as a signed scale factor and an unsigned scaled value (as ecCodes reads them): {@code
     * scaled * 10^-factor}; NaN when either is missing.
     */
    static double scaled(ByteBuffer b, int base, int factorOctet, int valueOctet) {
        return scaled(b, base, factorOctet, valueOctet, false);
    }

    /**
     * Like {@link #scaled}, with a sign-and-magnitude scaled value (WMO Manual on Codes, regulation 92.1.5), as
     * NCEP writes the negative potential-vorticity surface of GFS ({@code PV=-2e-06} in wgrib2; ecCodes reads the
     * same octets as the unsigned 2147485648).
     */
    static double signedScaled(ByteBuffer b, int base, int factorOctet, int valueOctet) {
        return scaled(b, base, factorOctet, valueOctet, true);
    }

    private static double scaled(ByteBuffer b, int base, int factorOctet, int valueOctet, boolean signed) {
        if (isMissing1(b, base, factorOctet) || isMissing4(b, base, valueOctet)) {
            return Double.NaN;
        }
        int factor = s1(b, base, factorOctet);
        long value = signed ? s4(b, base, valueOctet) : u4(b, base, valueOctet);
        return factor == 0 ? value : value / Math.pow(10, factor);
    }
}
