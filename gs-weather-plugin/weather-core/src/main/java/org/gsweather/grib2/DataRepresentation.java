package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;

/**
 * How section 7 packs the values (GRIB2 section 5, code table 5.0). Each template decodes the packed
 * values of one field, in file order and before any bitmap is applied.
 */
sealed interface DataRepresentation
        permits SimplePacking,
                ComplexPacking,
                IeeePacking,
                Jpeg2000Packing,
                PngPacking,
                CcsdsPacking,
                RunLengthPacking,
                UnsupportedPacking {

    /** Template number of code table 5.0, e.g. 3 for complex packing with spatial differencing. */
    int template();

    /**
     * Decodes {@code count} packed values from the data of section 7 ({@code data}, octets 6 to the
     * end of the section) into {@code out[0..count)}, with the help of {@code how.pool()}. Missing values
     * (complex packing's missing value management) and values equal to one of {@code
     * how.missingCodes()} are written as their {@link org.gsweather.field.Missing} NaNs.
     */
    void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws DataFormatException;

    /** {@link #unpack(ByteBuffer, int, float[], Unpacking)} on the calling thread, without missing codes. */
    default void unpack(ByteBuffer data, int count, float[] out) throws DataFormatException {
        unpack(data, count, out, Unpacking.PLAIN);
    }

    /**
     * Half the step between two consecutive representable values: the tolerance within which two
     * correct decoders agree. Zero for lossless IEEE.
     */
    double halfStep();

    /** Short description for listings, e.g. {@code 5.3 complex+spatial diff. order 2, 12 bits}. */
    String describe();
}
