package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.Missing;

/** Section 6 bitmaps: spreads packed values over the grid points whose bit is set. */
final class Bitmap {
    private Bitmap() {}

    /** Number of grid points present among the first {@code points} bits. */
    static long present(ByteBuffer bits, int points) {
        long n = 0;
        int full = points >>> 3;
        int k = 0;
        for (; k + 8 <= full; k += 8) {
            n += Long.bitCount(bits.getLong(k));
        }
        for (; k < full; k++) {
            n += Integer.bitCount(bits.get(k) & 0xff);
        }
        int rest = points & 7;
        if (rest != 0) {
            n += Integer.bitCount((bits.get(full) & 0xff) >>> (8 - rest));
        }
        return n;
    }

    /**
     * Spreads the {@code packed} values at the front of {@code values} over the points whose bit is
     * set, working backwards so that no second array is needed; the other points become missing.
     */
    static void expand(ByteBuffer bits, float[] values, int points, int packed) throws DataFormatException {
        long present = present(bits, points);
        if (present != packed) {
            throw new DataFormatException(
                    "bitmap marks " + present + " points present, section 5 packs " + packed + " values");
        }
        int p = packed;
        for (int k = points - 1; k >= 0; k--) {
            if ((bits.get(k >>> 3) & (0x80 >>> (k & 7))) != 0) {
                values[k] = values[--p];
            } else {
                values[k] = Missing.VALUE;
            }
        }
    }
}
