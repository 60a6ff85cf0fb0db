package org.gsweather.codec.jpeg2000;

/**
 * Inverse irreversible 9/7 wavelet transformation (ISO/IEC 15444-1 F.3.8.2, lifting constants of Table
 * F.4) of one decomposition level, in place on float coefficients laid out as in {@link Dwt53}.
 */
final class Dwt97 {
    private static final float ALPHA = -1.586134342059924f;
    private static final float BETA = -0.052980118572961f;
    private static final float GAMMA = 0.882911075530934f;
    private static final float DELTA = 0.443506852043971f;
    private static final float K = 1.230174104914001f;
    private static final float INV_K = (float) (1 / 1.230174104914001);
    private static final int STRIP = 16;

    private float[] tmp = new float[0];

    /** As {@link Dwt53#inverse}. */
    void inverse(
            float[] a, int stride, int width, int height, int lowWidth, int lowHeight, boolean evenX, boolean evenY) {
        horizontal(a, stride, 0, height, width, lowWidth, evenX);
        vertical(a, stride, 0, width, height, lowHeight, evenY);
    }

    /** The horizontal half of {@link #inverse}, on rows {@code [from, to)}. */
    void horizontal(float[] a, int stride, int from, int to, int width, int lowWidth, boolean evenX) {
        if (width <= 1 && evenX) {
            return;
        }
        if (tmp.length < width) {
            tmp = new float[width];
        }
        float[] t = tmp;
        for (int y = from; y < to; y++) {
            int row = y * stride;
            int l = evenX ? 0 : 1;
            for (int i = 0; l + 2 * i < width; i++) {
                t[l + 2 * i] = a[row + i];
            }
            for (int i = 0; 1 - l + 2 * i < width; i++) {
                t[1 - l + 2 * i] = a[row + lowWidth + i];
            }
            synthesizeRows(t, width, 1, evenX);
            System.arraycopy(t, 0, a, row, width);
        }
    }

    /** The vertical half of {@link #inverse}, on columns {@code [from, to)}. */
    void vertical(float[] a, int stride, int from, int to, int height, int lowHeight, boolean evenY) {
        if (height <= 1 && evenY) {
            return;
        }
        if (tmp.length < STRIP * height) {
            tmp = new float[STRIP * height];
        }
        float[] t = tmp;
        for (int x = from; x < to; x += STRIP) {
            int n = Math.min(STRIP, to - x);
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

    /** 1D_SR (F.3.6, F.3.7) down each of the {@code n} columns of rows {@code t[y * n .. y * n + n)}. */
    private static void synthesizeRows(float[] t, int count, int n, boolean even) {
        if (count == 1) {
            if (!even) {
                for (int j = 0; j < n; j++) {
                    t[j] /= 2;
                }
            }
            return;
        }
        int first = even ? 0 : 1;
        scale(t, count, n, first, K);
        scale(t, count, n, 1 - first, INV_K);
        lift(t, count, n, first, DELTA);
        lift(t, count, n, 1 - first, GAMMA);
        lift(t, count, n, first, BETA);
        lift(t, count, n, 1 - first, ALPHA);
    }

    private static void scale(float[] t, int count, int n, int first, float factor) {
        for (int i = first; i < count; i += 2) {
            int o = i * n;
            for (int j = 0; j < n; j++) {
                t[o + j] *= factor;
            }
        }
    }

    private static void lift(float[] t, int count, int n, int first, float factor) {
        for (int i = first; i < count; i += 2) {
            int left = (i > 0 ? i - 1 : i + 1) * n;
            int right = (i + 1 < count ? i + 1 : i - 1) * n;
            int o = i * n;
            for (int j = 0; j < n; j++) {
                t[o + j] -= factor * (t[left + j] + t[right + j]);
            }
        }
    }
}
