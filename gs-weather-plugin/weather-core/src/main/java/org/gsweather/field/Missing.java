package org.gsweather.field;

import java.util.List;

/**
 * Missing values in decoded arrays: always a NaN, whose payload says why it is missing. A plain NaN
 * (no payload) is missing by bitmap, fill value or primary missing-value code; {@link #SECONDARY} is
 * the secondary missing value of GRIB2 complex packing; {@link #inBand(int)} marks the n-th
 * {@link MissingCode} of the field. Payloads survive array copies but not arithmetic, so only
 * decoders and samplers that copy values keep them.
 */
public final class Missing {
    private static final int QUIET_NAN = 0x7fc00000;
    private static final int SECONDARY_PAYLOAD = 1;
    private static final int IN_BAND_BASE = 16;

    /** Missing by bitmap, fill value or primary missing-value code. */
    public static final float VALUE = Float.intBitsToFloat(QUIET_NAN);

    /** Secondary missing value (GRIB2 missing value management 2). */
    public static final float SECONDARY = Float.intBitsToFloat(QUIET_NAN | SECONDARY_PAYLOAD);

    private Missing() {}

    /** The missing value standing for the {@code index}-th in-band code of a field. */
    public static float inBand(int index) {
        return Float.intBitsToFloat(QUIET_NAN | (IN_BAND_BASE + index));
    }

    public static boolean isMissing(float v) {
        return v != v;
    }

    /** The in-band code a missing value stands for, or {@code null} when it is not one of {@code codes}. */
    public static MissingCode codeOf(float v, List<MissingCode> codes) {
        if (v == v) {
            return null;
        }
        int payload = (Float.floatToRawIntBits(v) & 0x3fffff) - IN_BAND_BASE;
        return payload >= 0 && payload < codes.size() ? codes.get(payload) : null;
    }
}
