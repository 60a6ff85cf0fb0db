package org.gsweather.grib2;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.gsweather.field.DataFormatException;

/**
 * Template 5.40: grid point data, JPEG 2000 code stream compression. The code stream is decoded by
 * {@link J2kDecoder}, or by JJ2000 when it uses what that decoder leaves out; the samples are then
 * scaled like simple packing.
 */
record Jpeg2000Packing(Scaling scaling, int bits) implements DataRepresentation {

    @Override
    public int template() {
        return 40;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out) throws DataFormatException {
        if (bits == 0) {
            Arrays.fill(out, 0, count, scaling.constant());
            return;
        }
        byte[] stream = new byte[data.remaining()];
        data.get(data.position(), stream);
        try {
            J2kDecoder.decode(stream, count, scaling, out);
        } catch (J2kUnsupportedException e) {
            scaling.applyUnsigned(Jj2000Decoder.decode(stream, count), count, out, 0);
        }
    }

    /** The integers of the code stream: ours where we can, JJ2000's otherwise. */
    static int[] samples(byte[] stream, int count) throws DataFormatException {
        try {
            return J2kDecoder.decode(stream, count);
        } catch (J2kUnsupportedException e) {
            return Jj2000Decoder.decode(stream, count);
        }
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
