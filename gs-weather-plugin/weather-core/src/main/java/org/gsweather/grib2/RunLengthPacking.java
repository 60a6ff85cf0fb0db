package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;

/**
 * Template 5.200: run length packing with level values (JMA local use).
 *
 * @param bits bits per packed value
 * @param maxValue MV, the largest level number; larger packed values encode run lengths
 * @param decimalScale decimal scale factor of the level values
 * @param levelValues scaled representative value of levels 1..MVL
 */
record RunLengthPacking(int bits, int maxValue, int decimalScale, int[] levelValues) implements DataRepresentation {

    @Override
    public int template() {
        return 200;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out) throws DataFormatException {
        throw new UnsupportedDataException("template 5.200 not yet");
    }

    @Override
    public double halfStep() {
        return 0;
    }

    @Override
    public String describe() {
        return "5.200 run length, " + bits + " bits, " + levelValues.length + " levels";
    }
}
