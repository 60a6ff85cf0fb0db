package org.gsweather.grib2;

import java.util.List;
import org.gsweather.field.Missing;
import org.gsweather.field.MissingCode;

/** In-band "no data" values that producers document for their GRIB2 products. */
final class MissingCodes {
    /** MRMS (NSSL/NCEP Multi-Radar Multi-Sensor, discipline 209): MRMS GRIB2 table notes. */
    private static final List<MissingCode> MRMS =
            List.of(new MissingCode(-999f, "no coverage"), new MissingCode(-99f, "missing"));

    private MissingCodes() {}

    static List<MissingCode> of(int discipline) {
        return discipline == 209 ? MRMS : List.of();
    }

    /** Replaces every in-band code of {@code codes} in {@code values[0..count)} by its {@link Missing} value. */
    static void apply(float[] values, int count, List<MissingCode> codes) {
        apply(values, 0, count, codes);
    }

    /** Replaces every in-band code of {@code codes} in {@code values[from..to)} by its {@link Missing} value. */
    static void apply(float[] values, int from, int to, List<MissingCode> codes) {
        if (codes.isEmpty()) {
            return;
        }
        float[] code = new float[codes.size()];
        float[] missing = new float[codes.size()];
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < code.length; k++) {
            code[k] = codes.get(k).value();
            missing[k] = Missing.inBand(k);
            low = Math.min(low, code[k]);
            high = Math.max(high, code[k]);
        }
        for (int i = from; i < to; i++) {
            float v = values[i];
            if (v >= low && v <= high) { // one compare pair for the many values outside the codes' range
                for (int k = 0; k < code.length; k++) {
                    if (v == code[k]) {
                        values[i] = missing[k];
                        break;
                    }
                }
            }
        }
    }
}
