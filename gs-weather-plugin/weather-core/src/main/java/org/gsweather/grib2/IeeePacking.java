package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;

/** Template 5.4: IEEE floating point, 32 or 64 bits, big-endian. */
record IeeePacking(int precision) implements DataRepresentation {

    @Override
    public int template() {
        return 4;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws DataFormatException {
        decode(data, count, out);
        MissingCodes.apply(out, count, how.missingCodes());
    }

    private void decode(ByteBuffer data, int count, float[] out) throws DataFormatException {
        int size = switch (precision) {
            case 1 -> 4;
            case 2 -> 8;
            default ->
                throw new DataFormatException(
                        "template 5.4: precision " + precision + " (code table 5.7) is not supported; 1 and 2 are");
        };
        if ((long) count * size > data.remaining()) {
            throw new DataFormatException("section 7 holds " + data.remaining() + " octets but " + count
                    + " IEEE values of " + size + " octets need " + (long) count * size);
        }
        if (size == 4) {
            data.asFloatBuffer().get(0, out, 0, count);
        } else {
            for (int k = 0; k < count; k++) {
                out[k] = (float) data.getDouble(8 * k);
            }
        }
    }

    @Override
    public double halfStep() {
        return 0;
    }

    @Override
    public String describe() {
        return "5.4 IEEE " + (precision == 2 ? 64 : 32) + "-bit";
    }
}
