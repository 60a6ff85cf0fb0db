package org.gsweather.grib2;

import java.nio.ByteBuffer;
import java.util.Arrays;
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
        SimplePacking.checkBits(bits, "5.41");
        SampleValues values = SampleValues.of(scaling, bits, count, how.missingCodes());
        if (bits == 0) {
            Arrays.fill(out, 0, count, values.coded(scaling.constant()));
            return;
        }
        PngDecoder.decode(
                data, count, (samples, n, first, step) -> values.apply(samples, n, out, first, step), how.pool());
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
