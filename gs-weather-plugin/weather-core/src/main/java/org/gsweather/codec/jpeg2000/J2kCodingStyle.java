package org.gsweather.codec.jpeg2000;

import org.gsweather.field.DataFormatException;

/**
 * Coding style of the one component (COD and COC, ISO/IEC 15444-1 A.6.1, A.6.2).
 *
 * @param sop SOP marker segments may precede packets (Scod bit 1)
 * @param eph EPH markers end packet headers (Scod bit 2)
 * @param progression 0 LRCP, 1 RLCP, 2 RPCL, 3 PCRL, 4 CPRL (Table A.16)
 * @param layers number of quality layers
 * @param levels number of decomposition levels NL
 * @param xcb code-block width exponent
 * @param ycb code-block height exponent
 * @param blockStyle code-block style flags (Table A.19)
 * @param reversible 5/3 reversible wavelet, else 9/7 irreversible (Table A.20)
 * @param ppx precinct width exponent per resolution
 * @param ppy precinct height exponent per resolution
 */
record J2kCodingStyle(
        boolean sop,
        boolean eph,
        int progression,
        int layers,
        int levels,
        int xcb,
        int ycb,
        int blockStyle,
        boolean reversible,
        int[] ppx,
        int[] ppy) {
    static final int BYPASS = 1;
    static final int RESET = 2;
    static final int TERMALL = 4;
    static final int CAUSAL = 8;
    static final int PREDICTABLE = 16;
    static final int SEGMENTATION = 32;

    static J2kCodingStyle readCod(byte[] d, int p, int length) throws DataFormatException, J2kUnsupportedException {
        if (length < 10) {
            throw new DataFormatException(
                    "JPEG 2000 COD marker segment of " + (length + 2) + " octets, at least 12 needed");
        }
        int scod = d[p] & 0xff;
        if ((scod & ~7) != 0) {
            throw new J2kUnsupportedException("COD coding style " + scod);
        }
        int progression = d[p + 1] & 0xff;
        int layers = u2(d, p + 2);
        int mct = d[p + 4] & 0xff;
        if (progression > 4) {
            throw new DataFormatException("JPEG 2000 COD progression order " + progression + " (0 to 4 defined)");
        }
        if (layers == 0) {
            throw new DataFormatException("JPEG 2000 COD with 0 quality layers");
        }
        if (mct != 0) {
            throw new J2kUnsupportedException("multiple component transformation " + mct);
        }
        return readComponent(
                d, p + 5, length - 5, (scod & 1) != 0, (scod & 2) != 0, (scod & 4) != 0, progression, layers);
    }

    /** This style with the component parameters of a COC marker segment (SPcoc after Ccoc). */
    J2kCodingStyle withCoc(byte[] d, int p, int length) throws DataFormatException, J2kUnsupportedException {
        if (length < 6) {
            throw new DataFormatException("JPEG 2000 COC marker segment too short for its parameters");
        }
        int scoc = d[p] & 0xff;
        if ((scoc & ~1) != 0) {
            throw new J2kUnsupportedException("COC coding style " + scoc);
        }
        return readComponent(d, p + 1, length - 1, (scoc & 1) != 0, sop, eph, progression, layers);
    }

    /** SPcod or SPcoc (Table A.15) from {@code p}, {@code length} octets. */
    private static J2kCodingStyle readComponent(
            byte[] d, int p, int length, boolean precincts, boolean sop, boolean eph, int progression, int layers)
            throws DataFormatException, J2kUnsupportedException {
        if (length < 5) {
            throw new DataFormatException("JPEG 2000 COD/COC marker segment too short for its parameters");
        }
        int levels = d[p] & 0xff;
        int xcb = (d[p + 1] & 0xff) + 2;
        int ycb = (d[p + 2] & 0xff) + 2;
        int style = d[p + 3] & 0xff;
        int transform = d[p + 4] & 0xff;
        if (levels > 32) {
            throw new DataFormatException("JPEG 2000 with " + levels + " decomposition levels (at most 32)");
        }
        if (xcb > 10 || ycb > 10 || xcb + ycb > 12) {
            throw new DataFormatException("JPEG 2000 code-blocks of 2^" + xcb + " x 2^" + ycb + " (Table A.18)");
        }
        if ((style & ~63) != 0) {
            throw new J2kUnsupportedException("code-block style " + style);
        }
        if (transform > 1) {
            throw new J2kUnsupportedException("wavelet transformation " + transform);
        }
        int[] ppx = new int[levels + 1];
        int[] ppy = new int[levels + 1];
        if (precincts) {
            if (length < 5 + levels + 1) {
                throw new DataFormatException("JPEG 2000 COD/COC marker segment too short for its precinct sizes");
            }
            for (int r = 0; r <= levels; r++) {
                int b = d[p + 5 + r] & 0xff;
                ppx[r] = b & 15;
                ppy[r] = b >> 4;
                if (r > 0 && (ppx[r] == 0 || ppy[r] == 0)) {
                    // A.6.1 allows 0 for the lowest resolution only; OpenJPEG writes it, JJ2000 copes
                    throw new J2kUnsupportedException("precincts of one sample at resolution " + r);
                }
            }
        } else {
            java.util.Arrays.fill(ppx, 15);
            java.util.Arrays.fill(ppy, 15);
        }
        return new J2kCodingStyle(sop, eph, progression, layers, levels, xcb, ycb, style, transform == 1, ppx, ppy);
    }

    static int u2(byte[] d, int p) {
        return (d[p] & 0xff) << 8 | (d[p + 1] & 0xff);
    }
}
