package org.gsweather.grib2;

/**
 * The GRIB2 packing equation {@code Y = (R + X * 2^E) / 10^D} (regulation 92.9.4), evaluated as ecCodes
 * evaluates it, {@code (X * 2^E + R) * 10^-D} in double precision, so that decoded floats match
 * ({@link SampleValues} and {@link PackedGroups} evaluate it so).
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

    /** The value every point of a field packed with 0 bits takes. */
    float constant() {
        return (float) (reference * decimalFactor());
    }
}
