package org.gsweather.grib2;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.gsweather.codec.jpeg2000.Jpeg2000Decoder;
import org.gsweather.field.DataFormatException;

/**
 * Template 5.40: grid point data, JPEG 2000 code stream compression. The code stream is decoded by
 * {@link Jpeg2000Decoder}; the samples are then scaled like simple packing.
 */
record Jpeg2000Packing(Scaling scaling, int bits) implements DataRepresentation {

    @Override
    public int template() {
        return 40;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws DataFormatException {
        SampleValues values = SampleValues.of(scaling, bits, count, how.missingCodes());
        if (bits == 0) {
            Arrays.fill(out, 0, count, values.coded(scaling.constant()));
            return;
        }
        byte[] stream = new byte[data.remaining()];
        data.get(data.position(), stream);
        Jpeg2000Decoder.decode(
                stream, count, (samples, n, first, step) -> values.apply(samples, n, out, first, step), how.pool());
    }

    @Override
    public double halfStep() {
        return bits == 0 ? 0 : scaling.step() / 2;
    }

    @Override
    public String describe() {
        return "5.40 JPEG 2000, " + bits + " bits";
    }
}
