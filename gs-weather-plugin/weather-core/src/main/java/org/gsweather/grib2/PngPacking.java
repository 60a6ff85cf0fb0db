package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.codec.png.PngDecoder;
import org.gsweather.field.DataFormatException;

/** Template 5.41: grid point data, PNG compression (1, 2, 4, 8, 16-bit grey, 24-bit RGB, 32-bit RGBA). */
record PngPacking(Scaling scaling, int bits) implements DataRepresentation {

    @Override
    public int template() {
        return 41;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws DataFormatException {
        decode(data, count, out);
        MissingCodes.apply(out, count, how.missingCodes());
    }

    private void decode(ByteBuffer data, int count, float[] out) throws DataFormatException {
        SimplePacking.checkBits(bits, "5.41");
        if (bits == 0) {
            java.util.Arrays.fill(out, 0, count, scaling.constant());
            return;
        }
        double bscale = scaling.binaryFactor();
        double dscale = scaling.decimalFactor();
        double r = scaling.reference();
        PngDecoder.decode(data, count, (samples, n, first, step) -> {
            // samples are unsigned: 32-bit RGBA fills all 32 bits
            for (int k = 0, p = first; k < n; k++, p += step) {
                out[p] = (float) (((samples[k] & 0xffffffffL) * bscale + r) * dscale);
            }
        });
    }

    @Override
    public double halfStep() {
        return bits == 0 ? 0 : scaling.step() / 2;
    }

    @Override
    public String describe() {
        return "5.41 PNG, " + bits + " bits";
    }
}
