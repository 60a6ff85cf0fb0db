package org.gsweather.grib2;

/**
 * The GRIB2 packing equation {@code Y = (R + X * 2^E) / 10^D} (regulation 92.9.4), evaluated as ecCodes
 * evaluates it, {@code (X * 2^E + R) * 10^-D} in double precision, so that decoded floats match.
 *
 * @param reference R, the reference value (IEEE 32-bit in section 5)
 * @param binaryScale E
 * @param decimalScale D
 */
record Scaling(float reference, int binaryScale, int decimalScale) {

    double binaryFactor() {
        return Math.scalb(1.0, binaryScale);
    }

    double decimalFactor() {
        return Math.pow(10, -decimalScale);
    }

    /** Smallest difference between two decoded values: half of it is the tolerance of a comparison. */
    double step() {
        return binaryFactor() * decimalFactor();
    }

    /** Decodes {@code count} packed integers in place of {@code out}. */
    void apply(int[] x, int count, float[] out) {
        double bscale = binaryFactor();
        double dscale = decimalFactor();
        double r = reference;
        for (int k = 0; k < count; k++) {
            out[k] = (float) ((x[k] * bscale + r) * dscale);
        }
    }

    /**
     * Decodes {@code count} packed unsigned integers (all 32 bits count: simple packing and its
     * compressed variants) into {@code out[offset..offset+count)}.
     */
    void applyUnsigned(int[] x, int count, float[] out, int offset) {
        double bscale = binaryFactor();
        double dscale = decimalFactor();
        double r = reference;
        for (int k = 0; k < count; k++) {
            out[offset + k] = (float) (((x[k] & 0xffffffffL) * bscale + r) * dscale);
        }
    }

    /** The value every point of a field packed with 0 bits takes. */
    float constant() {
        return (float) (reference * decimalFactor());
    }
}
