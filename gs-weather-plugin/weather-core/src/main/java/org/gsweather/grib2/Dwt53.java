package org.gsweather.grib2;

/**
 * Inverse reversible 5/3 wavelet transformation (ISO/IEC 15444-1 F.3.8.1) of one decomposition level, in
 * place on integer coefficients laid out as subbands: low-pass columns left of high-pass columns,
 * low-pass rows above high-pass rows.
 */
final class Dwt53 {
    /** Columns transformed together by the vertical pass. */
    private static final int STRIP = 16;

    private int[] tmp = new int[0];

    /**
     * 2D_SR (F.3.3) of the {@code width x height} region at the top left of {@code a}, whose first
     * {@code lowWidth} columns and {@code lowHeight} rows are low-pass; {@code evenX} and {@code evenY}
     * tell whether the region starts at an even coordinate of its resolution.
     */
    void inverse(
            int[] a, int stride, int width, int height, int lowWidth, int lowHeight, boolean evenX, boolean evenY) {
        if (tmp.length < Math.max(width, STRIP * height)) {
            tmp = new int[Math.max(width, STRIP * height)];
        }
        int[] t = tmp;
        if (width > 1 || !evenX) {
            for (int y = 0; y < height; y++) {
                int row = y * stride;
                interleave(a, row, row + lowWidth, t, width, evenX);
                synthesize(t, width, evenX);
                System.arraycopy(t, 0, a, row, width);
            }
        }
        if (height > 1 || !evenY) {
            for (int x = 0; x < width; x += STRIP) {
                int n = Math.min(STRIP, width - x);
                for (int y = 0; y < height; y++) {
                    boolean low = ((y & 1) == 0) == evenY;
                    int source = low ? y >> 1 : lowHeight + (y >> 1);
                    System.arraycopy(a, source * stride + x, t, y * n, n);
                }
                synthesizeRows(t, height, n, evenY);
                for (int y = 0; y < height; y++) {
                    System.arraycopy(t, y * n, a, y * stride + x, n);
                }
            }
        }
    }

    private static void interleave(int[] a, int low, int high, int[] t, int width, boolean even) {
        int l = even ? 0 : 1;
        int h = 1 - l;
        for (int i = 0; l + 2 * i < width; i++) {
            t[l + 2 * i] = a[low + i];
        }
        for (int i = 0; h + 2 * i < width; i++) {
            t[h + 2 * i] = a[high + i];
        }
    }

    /** 1D_SR (F.3.6, F.3.7) of {@code x[0..n)}, with the periodic symmetric extension at both ends. */
    static void synthesize(int[] x, int n, boolean even) {
        if (n == 1) {
            if (!even) {
                x[0] >>= 1;
            }
            return;
        }
        int first = even ? 0 : 1;
        for (int i = first; i < n; i += 2) {
            int left = i > 0 ? x[i - 1] : x[i + 1];
            int right = i + 1 < n ? x[i + 1] : x[i - 1];
            x[i] -= (left + right + 2) >> 2;
        }
        for (int i = 1 - first; i < n; i += 2) {
            int left = i > 0 ? x[i - 1] : x[i + 1];
            int right = i + 1 < n ? x[i + 1] : x[i - 1];
            x[i] += (left + right) >> 1;
        }
    }

    /** {@link #synthesize} down each of the {@code n} columns of rows {@code t[y * n .. y * n + n)}. */
    private static void synthesizeRows(int[] t, int height, int n, boolean even) {
        if (height == 1) {
            if (!even) {
                for (int j = 0; j < n; j++) {
                    t[j] >>= 1;
                }
            }
            return;
        }
        int first = even ? 0 : 1;
        for (int i = first; i < height; i += 2) {
            int left = (i > 0 ? i - 1 : i + 1) * n;
            int right = (i + 1 < height ? i + 1 : i - 1) * n;
            int o = i * n;
            for (int j = 0; j < n; j++) {
                t[o + j] -= (t[left + j] + t[right + j] + 2) >> 2;
            }
        }
        for (int i = 1 - first; i < height; i += 2) {
            int left = (i > 0 ? i - 1 : i + 1) * n;
            int right = (i + 1 < height ? i + 1 : i - 1) * n;
            int o = i * n;
            for (int j = 0; j < n; j++) {
                t[o + j] += (t[left + j] + t[right + j]) >> 1;
            }
        }
    }
}
