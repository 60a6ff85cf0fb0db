package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.field.UnsupportedDataException;

/** A data representation template this decoder does not implement: indexing works, decoding refuses. */
record UnsupportedPacking(int template) implements DataRepresentation {

    @Override
    public void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws UnsupportedDataException {
        throw new UnsupportedDataException("data representation template 5." + template + " ("
                + Grib2Tables.dataRepresentationName(template) + ") is not supported");
    }

    @Override
    public double halfStep() {
        return 0;
    }

    @Override
    public String describe() {
        return "5." + template + " (unsupported)";
    }
}
