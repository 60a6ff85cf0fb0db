package org.gsweather.codec.png;

/**
 * Reverses the five filters of PNG filter method 0 (PNG specification, 9.2 to 9.4) in place. A row
 * holds its filter type in octet 0 and its {@code n} filtered octets from octet 1; the previous row of
 * the same pass, already reconstructed, has the same layout and is all zeros before the first row.
 */
final class PngFilter {
    static final int NONE = 0;
    static final int SUB = 1;
    static final int UP = 2;
    static final int AVERAGE = 3;
    static final int PAETH = 4;

    private PngFilter() {}

    /**
     * Reconstructs {@code row[1..n]} given {@code prev[1..n]}; {@code step} is the filter step in octets
     * (n is a multiple of it when it exceeds 1) and the filter type in {@code row[0]} is one of 0 to 4.
     */
    static void undo(byte[] row, byte[] prev, int n, int step) {
        int type = row[0] & 0xff;
        switch (type) {
            case NONE -> {}
            case SUB -> sub(row, n, step);
            case UP -> up(row, prev, n);
            case AVERAGE -> average(row, prev, n, step);
            case PAETH -> paeth(row, prev, n, step);
            default -> throw new IllegalArgumentException("PNG filter type " + type);
        }
    }

    // Each octet of a pixel starts a dependency chain through the octets at the same place of the
    // following pixels. Steps 1 (grey up to 8 bits) and 2 (16 bits) carry their one or two chains in
    // registers rather than reloading the octets just stored; larger steps have enough chains side by
    // side for plain loops.

    private static void sub(byte[] row, int n, int step) {
        if (step == 1) {
            int a = 0;
            for (int i = 1; i <= n; i++) {
                a += row[i];
                row[i] = (byte) a;
            }
        } else if (step == 2) {
            int a0 = 0;
            int a1 = 0;
            for (int i = 1; i < n; i += 2) {
                a0 += row[i];
                a1 += row[i + 1];
                row[i] = (byte) a0;
                row[i + 1] = (byte) a1;
            }
        } else {
            for (int i = 1 + step; i <= n; i++) {
                row[i] += row[i - step];
            }
        }
    }

    private static void up(byte[] row, byte[] prev, int n) {
        for (int i = 1; i <= n; i++) {
            row[i] += prev[i];
        }
    }

    private static void average(byte[] row, byte[] prev, int n, int step) {
        if (step == 1) {
            int a = 0;
            for (int i = 1; i <= n; i++) {
                a = (row[i] + ((a + (prev[i] & 0xff)) >>> 1)) & 0xff;
                row[i] = (byte) a;
            }
        } else if (step == 2) {
            int a0 = 0;
            int a1 = 0;
            for (int i = 1; i < n; i += 2) {
                a0 = (row[i] + ((a0 + (prev[i] & 0xff)) >>> 1)) & 0xff;
                a1 = (row[i + 1] + ((a1 + (prev[i + 1] & 0xff)) >>> 1)) & 0xff;
                row[i] = (byte) a0;
                row[i + 1] = (byte) a1;
            }
        } else {
            for (int i = 1; i <= step; i++) {
                row[i] += (prev[i] & 0xff) >>> 1;
            }
            for (int i = 1 + step; i <= n; i++) {
                row[i] += ((row[i - step] & 0xff) + (prev[i] & 0xff)) >>> 1;
            }
        }
    }

    private static void paeth(byte[] row, byte[] prev, int n, int step) {
        if (step == 1) {
            int a = 0;
            int c = 0;
            for (int i = 1; i <= n; i++) {
                int b = prev[i] & 0xff;
                a = (row[i] + predictor(a, b, c)) & 0xff;
                row[i] = (byte) a;
                c = b;
            }
        } else if (step == 2) {
            int a0 = 0;
            int a1 = 0;
            int c0 = 0;
            int c1 = 0;
            for (int i = 1; i < n; i += 2) {
                int b0 = prev[i] & 0xff;
                int b1 = prev[i + 1] & 0xff;
                a0 = (row[i] + predictor(a0, b0, c0)) & 0xff;
                a1 = (row[i + 1] + predictor(a1, b1, c1)) & 0xff;
                row[i] = (byte) a0;
                row[i + 1] = (byte) a1;
                c0 = b0;
                c1 = b1;
            }
        } else {
            for (int i = 1; i <= step; i++) {
                row[i] += prev[i];
            }
            for (int i = 1 + step; i <= n; i++) {
                row[i] += predictorBranchFree(row[i - step] & 0xff, prev[i] & 0xff, prev[i - step] & 0xff);
            }
        }
    }

    /**
     * The Paeth predictor (9.4) of left {@code a}, above {@code b} and upper left {@code c}: the one
     * nearest to {@code a + b - c}, ties going to a, then b. This equivalent form (checked on all 2^24
     * inputs by the tests) compares {@code 3c - a - b} with the smaller and the larger of a and b.
     */
    private static int predictor(int a, int b, int c) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int t = 3 * c - a - b;
        return t <= lo ? hi : hi <= t ? lo : c;
    }

    /**
     * {@link #predictor} with masks instead of branches: slower on the predictable rows of radar
     * fields, twice as fast on noisy ones when three or four octet chains run side by side.
     */
    private static int predictorBranchFree(int a, int b, int c) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int t = 3 * c - a - b;
        int belowHi = (t - hi) >> 31;
        int aboveLo = (lo - t) >> 31;
        int loOrC = lo ^ ((lo ^ c) & belowHi);
        return hi ^ ((hi ^ loOrC) & aboveLo);
    }
}
