package org.gsweather.codec.jpeg2000;

import org.gsweather.field.DataFormatException;

/**
 * Quantization of the one component (QCD and QCC, ISO/IEC 15444-1 A.6.4, A.6.5).
 *
 * @param style 0 no quantization, 1 scalar derived, 2 scalar expounded (Table A.28)
 * @param guardBits number of guard bits G
 * @param exponents epsilon per subband, in the order LL, HL, LH, HH of each level from the lowest
 * @param mantissas mu per subband (0 without quantization)
 */
record J2kQuantization(int style, int guardBits, int[] exponents, int[] mantissas) {

    static J2kQuantization read(byte[] d, int p, int length) throws DataFormatException {
        if (length < 1) {
            throw new DataFormatException("JPEG 2000 QCD/QCC marker segment without Sqcd");
        }
        int s = d[p] & 0xff;
        int style = s & 31;
        int n;
        if (style == 0) {
            n = length - 1;
        } else if (style == 1) {
            n = 1;
        } else if (style == 2) {
            n = (length - 1) / 2;
        } else {
            throw new DataFormatException("JPEG 2000 quantization style " + style + " (0, 1 or 2 defined)");
        }
        if (n < 1 || (style != 0 && length < 1 + 2 * n)) {
            throw new DataFormatException("JPEG 2000 QCD/QCC marker segment too short for its step sizes");
        }
        int[] exponents = new int[n];
        int[] mantissas = new int[n];
        for (int i = 0; i < n; i++) {
            if (style == 0) {
                exponents[i] = (d[p + 1 + i] & 0xff) >> 3;
            } else {
                int v = J2kCodingStyle.u2(d, p + 1 + 2 * i);
                exponents[i] = v >> 11;
                mantissas[i] = v & 0x7ff;
            }
        }
        return new J2kQuantization(style, s >> 5, exponents, mantissas);
    }

    /** Exponent of subband {@code index} (0 LL, then 3 per level) of a decomposition into {@code levels}. */
    int exponent(int index, int levels) throws DataFormatException {
        if (style == 1) {
            // E.1.1.2: epsilon_b = epsilon_0 - NL + nb
            int level = index == 0 ? levels : levels - (index - 1) / 3;
            int e = exponents[0] - levels + level;
            if (e < 0) {
                throw new DataFormatException("JPEG 2000 derived quantization exponent " + e);
            }
            return e;
        }
        check(index);
        return exponents[index];
    }

    int mantissa(int index) throws DataFormatException {
        if (style == 1) {
            return mantissas[0];
        }
        check(index);
        return mantissas[index];
    }

    private void check(int index) throws DataFormatException {
        if (index >= exponents.length) {
            throw new DataFormatException(
                    "JPEG 2000 quantization gives " + exponents.length + " subbands, the decomposition has more");
        }
    }
}
