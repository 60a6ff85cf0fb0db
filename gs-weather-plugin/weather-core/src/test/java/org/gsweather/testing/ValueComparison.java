package org.gsweather.testing;

import java.util.List;
import org.gsweather.field.Missing;
import org.gsweather.field.MissingCode;

/**
 * Compares decoded values with a reference decoder's, value by value: fails on a single value off by
 * more than the tolerance, and on a single point missing in one and not in the other.
 */
public final class ValueComparison {
    /** wgrib2's missing value in {@code -bin} output. */
    public static final float WGRIB2_MISSING = 9.999e20f;

    private ValueComparison() {}

    /**
     * @param what names the field in the failure message
     * @param expected reference values; NaN or {@link #WGRIB2_MISSING} mark missing points
     * @param actual our values; a {@link Missing} NaN carrying one of {@code codes} must match the code's
     *     value in {@code expected} (the reference decoder does not know in-band codes)
     * @param tolerance largest allowed absolute difference, on top of two float ulps
     */
    public static void assertSameValues(
            String what, float[] expected, float[] actual, double tolerance, List<MissingCode> codes) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": " + actual.length + " values, reference has " + expected.length);
        }
        int bad = 0;
        StringBuilder first = new StringBuilder();
        double worst = 0;
        for (int k = 0; k < expected.length; k++) {
            float e = expected[k];
            float a = actual[k];
            boolean expectedMissing = e != e || e == WGRIB2_MISSING;
            MissingCode code = Missing.codeOf(a, codes);
            String problem = null;
            if (code != null) {
                if (e != code.value()) {
                    problem = "in-band " + code + " but reference " + e;
                }
            } else if (expectedMissing != (a != a)) {
                problem = expectedMissing ? "reference missing, ours " + a : "ours missing, reference " + e;
            } else if (!expectedMissing) {
                double d = Math.abs((double) e - a);
                worst = Math.max(worst, d);
                if (d > tolerance + 2 * Math.ulp(e)) {
                    problem = "ours " + a + ", reference " + e + " (difference " + d + " > " + tolerance + ")";
                }
            }
            if (problem != null) {
                if (bad < 5) {
                    first.append("\n  value ").append(k).append(": ").append(problem);
                }
                bad++;
            }
        }
        if (bad > 0) {
            throw new AssertionError(what + ": " + bad + " of " + expected.length + " values differ (tolerance "
                    + tolerance + ")" + first);
        }
    }
}
