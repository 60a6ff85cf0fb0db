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
    public void unpack(ByteBuffer data, int count, float[] out) throws DataFormatException {
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
        double bscale = scaling.binaryFactor();
        double dscale = scaling.decimalFactor();
        double r = scaling.reference();
        if (bits == 32) {
            for (int k = 0; k < count; k++) {
                long x = BitReader.read(a, 32L * k, 32) & 0xffffffffL;
                out[k] = (float) ((x * bscale + r) * dscale);
            }
            return;
        }
        int chunk = Math.min(count, 4096);
        int[] x = new int[chunk];
        for (int start = 0; start < count; start += chunk) {
            int n = Math.min(chunk, count - start);
            BitReader.readAll(a, (long) start * bits, bits, n, x, 0);
            for (int k = 0; k < n; k++) {
                out[start + k] = (float) ((x[k] * bscale + r) * dscale);
            }
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
