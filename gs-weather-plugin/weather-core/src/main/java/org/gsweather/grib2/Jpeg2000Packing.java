package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;

/** Template 5.40: grid point data, JPEG 2000 code stream compression. */
record Jpeg2000Packing(Scaling scaling, int bits) implements DataRepresentation {

    @Override
    public int template() {
        return 40;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out) throws DataFormatException {
        throw new UnsupportedDataException("template 5.40 not yet");
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
