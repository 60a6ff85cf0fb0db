package org.gsweather.grib2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian bit fields of up to 32 bits from a byte array, read with one 64-bit load each. The array
 * must hold 8 bytes of padding after the last byte that may be read (see {@link #padded}).
 */
final class BitReader {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BitReader() {}

    /** A copy of {@code length} bytes with the padding the readers need. */
    static byte[] padded(java.nio.ByteBuffer src, int offset, int length) {
        byte[] a = new byte[length + 8];
        src.get(offset, a, 0, length);
        return a;
    }

    /** The {@code width}-bit unsigned field at bit {@code bitPos} (0 <= width <= 32). */
    static int read(byte[] a, long bitPos, int width) {
        if (width == 0) {
            return 0;
        }
        long w = (long) LONG_BE.get(a, (int) (bitPos >>> 3));
        return (int) ((w << (bitPos & 7)) >>> (64 - width));
    }

    /** Unpacks {@code count} consecutive {@code width}-bit fields starting at bit {@code bitPos}. */
    static void readAll(byte[] a, long bitPos, int width, int count, int[] out, int outOffset) {
        if (width == 0) {
            java.util.Arrays.fill(out, outOffset, outOffset + count, 0);
            return;
        }
        switch (width) {
            case 8 -> {
                int p = (int) (bitPos >>> 3);
                if ((bitPos & 7) == 0) {
                    for (int k = 0; k < count; k++) {
                        out[outOffset + k] = a[p + k] & 0xff;
                    }
                    return;
                }
            }
            case 16 -> {
                int p = (int) (bitPos >>> 3);
                if ((bitPos & 7) == 0) {
                    for (int k = 0; k < count; k++, p += 2) {
                        out[outOffset + k] = ((a[p] & 0xff) << 8) | (a[p + 1] & 0xff);
                    }
                    return;
                }
            }
            default -> {}
        }
        int drop = 64 - width;
        for (int k = 0; k < count; k++, bitPos += width) {
            long w = (long) LONG_BE.get(a, (int) (bitPos >>> 3));
            out[outOffset + k] = (int) ((w << (bitPos & 7)) >>> drop);
        }
    }

    /** Number of bytes {@code count} fields of {@code width} bits occupy, rounded up. */
    static long bytesFor(long count, int width) {
        return (count * width + 7) >>> 3;
    }
}
