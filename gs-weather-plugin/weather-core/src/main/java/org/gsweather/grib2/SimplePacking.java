package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;

/** Template 5.0: grid point data, simple packing. */
record SimplePacking(Scaling scaling, int bits) implements DataRepresentation {

    @Override
    public int template() {
        return 0;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws DataFormatException {
        decode(data, count, out);
        MissingCodes.apply(out, count, how.missingCodes());
    }

    private void decode(ByteBuffer data, int count, float[] out) throws DataFormatException {
        if (bits == 0) {
            java.util.Arrays.fill(out, 0, count, scaling.constant());
            return;
        }
        long needed = BitReader.bytesFor(count, bits);
        if (needed > data.remaining()) {
            throw new DataFormatException("section 7 holds " + data.remaining() + " octets but " + count + " values of "
                    + bits + " bits need " + needed);
        }
        byte[] a = BitReader.padded(data, 0, (int) needed);
        int[] x = new int[Math.min(count, 4096)];
        for (int start = 0; start < count; start += x.length) {
            int n = Math.min(x.length, count - start);
            BitReader.readAll(a, (long) start * bits, bits, n, x, 0);
            scaling.applyUnsigned(x, n, out, start);
        }
    }

    @Override
    public double halfStep() {
        return bits == 0 ? 0 : scaling.step() / 2;
    }

    @Override
    public String describe() {
        return "5.0 simple, " + bits + " bits";
    }

    static void checkBits(int bits, String template) throws DataFormatException {
        if (bits < 0 || bits > 32) {
            throw new DataFormatException(
                    "template " + template + ": " + bits + " bits per value is not supported (at most 32)");
        }
    }
}
