package org.gsweather.grib2;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.Missing;

/**
 * Template 5.200: run length packing with level values (JMA local use, e.g. precipitation nowcasts).
 * Each packed value up to {@code maxValue} is a level number (0 = missing); larger values are the
 * base-{@code (2^bits - 1 - maxValue)} digits, least significant first, of how many more times the
 * previous level repeats.
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
    public void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws DataFormatException {
        decode(data, count, out);
        MissingCodes.apply(out, count, how.missingCodes());
    }

    private void decode(ByteBuffer data, int count, float[] out) throws DataFormatException {
        if (maxValue >= (1 << bits) - 1) {
            throw new DataFormatException(
                    "template 5.200: maximum level " + maxValue + " leaves no run-length codes in " + bits + " bits");
        }
        float[] levels = new float[levelValues.length + 1];
        levels[0] = Missing.VALUE;
        double factor = Math.pow(10, -decimalScale);
        for (int k = 0; k < levelValues.length; k++) {
            levels[k + 1] = (float) (levelValues[k] * factor);
        }
        int base = maxValue + 1;
        long radix = (1L << bits) - base;
        int length = data.remaining();
        byte[] a = BitReader.padded(data, 0, length);
        long codes = 8L * length / bits;

        int n = 0;
        float previous = 0;
        boolean started = false;
        long weight = 1;
        for (long c = 0; c < codes && n <= count; c++) {
            int v = BitReader.read(a, c * bits, bits);
            if (v <= maxValue) {
                if (v >= levels.length) {
                    throw new DataFormatException("template 5.200: level " + v + " beyond the " + levelValues.length
                            + " level values of section 5");
                }
                if (n >= count) {
                    throw new DataFormatException("template 5.200: run lengths decode more than " + count + " values");
                }
                previous = levels[v];
                out[n++] = previous;
                started = true;
                weight = 1;
            } else {
                if (!started) {
                    throw new DataFormatException("template 5.200: data start with a run length instead of a level");
                }
                long repeat = (v - base) * weight;
                if (repeat > count - n) {
                    throw new DataFormatException("template 5.200: run lengths decode more than " + count + " values");
                }
                Arrays.fill(out, n, n + (int) repeat, previous);
                n += (int) repeat;
                weight = weight > count ? count + 1L : weight * radix;
            }
        }
        if (n != count) {
            throw new DataFormatException(
                    "template 5.200: run lengths decode " + n + " values, section 5 announces " + count);
        }
    }

    @Override
    public double halfStep() {
        return 0;
    }

    @Override
    public String describe() {
        return "5.200 run length, " + bits + " bits, " + levelValues.length + " levels";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunLengthPacking r
                && r.bits == bits
                && r.maxValue == maxValue
                && r.decimalScale == decimalScale
                && Arrays.equals(r.levelValues, levelValues);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levelValues) * 31 + bits * 7 + maxValue;
    }

    @Override
    public String toString() {
        return describe();
    }
}
