package org.gsweather.grid;

import java.math.BigDecimal;

/** Number formatting for PROJ strings and WKT: shortest exact decimal, no exponent. */
final class Num {
    private Num() {}

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
