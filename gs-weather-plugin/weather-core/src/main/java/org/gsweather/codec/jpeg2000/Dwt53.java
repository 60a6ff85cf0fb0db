package org.gsweather.codec.jpeg2000;

/**
 * Inverse reversible 5/3 wavelet transformation (ISO/IEC 15444-1 F.3.8.1) of one decomposition level, in
 * place on integer coefficients laid out as subbands: low-pass columns left of high-pass columns,
 * low-pass rows above high-pass rows.
 */
final class Dwt53 {
    /** Columns transformed together by the vertical pass. */
    private static final int STRIP = 32;

    private int[] tmp = new int[0];
    private int[] high = new int[0];
    private int[] rowA = new int[0];
    private int[] rowB = new int[0];
    private int[] rowO = new int[0];

    /**
     * 2D_SR (F.3.3) of the {@code width x height} region at the top left of {@code a}, whose first
     * {@code lowWidth} columns and {@code lowHeight} rows are low-pass; {@code evenX} and {@code evenY}
     * tell whether the region starts at an even coordinate of its resolution.
     */
    void inverse(
            int[] a, int stride, int width, int height, int lowWidth, int lowHeight, boolean evenX, boolean evenY) {
        horizontal(a, stride, 0, height, width, lowWidth, evenX);
        vertical(a, stride, 0, width, height, lowHeight, evenY);
    }

    /** The horizontal half of {@link #inverse}, on rows {@code [from, to)}. */
    void horizontal(int[] a, int stride, int from, int to, int width, int lowWidth, boolean evenX) {
        if (width <= 1 && evenX) {
            return;
        }
        if (tmp.length < width) {
            tmp = new int[width];
        }
        int[] t = tmp;
        for (int y = from; y < to; y++) {
            int row = y * stride;
            if (evenX) {
                horizontalEven(a, row, t, width, lowWidth);
            } else {
                synthesize(a, row, row + lowWidth, 1, t, 0, 1, width, lowWidth, false);
                System.arraycopy(t, 0, a, row, width);
            }
        }
    }

    /** The vertical half of {@link #inverse}, on columns {@code [from, to)}. */
    void vertical(int[] a, int stride, int from, int to, int height, int lowHeight, boolean evenY) {
        if (evenY && height > 1) {
            verticalEven(a, stride, from, to, height, lowHeight);
        } else if (!evenY) {
            if (tmp.length < STRIP * height) {
                tmp = new int[STRIP * height];
            }
            for (int x = from; x < to; x += STRIP) {
                int n = Math.min(STRIP, to - x);
                for (int j = 0; j < n; j++) {
                    synthesize(a, x + j, lowHeight * stride + x + j, stride, tmp, j, n, height, lowHeight, false);
                }
                for (int y = 0; y < height; y++) {
                    System.arraycopy(tmp, y * n, a, y * stride + x, n);
                }
            }
        }
    }

    /**
     * 1D_SR (F.3.6, F.3.7) of {@code count} samples whose {@code lows} low-pass ones are {@code a[low + i *
     * step]} and high-pass ones {@code a[high + i * step]}, into {@code t[to + i * tStep]} in their order;
     * the periodic symmetric extension mirrors both ends.
     */
    static void synthesize(
            int[] a, int low, int high, int step, int[] t, int to, int tStep, int count, int lows, boolean even) {
        if (count == 1) {
            t[to] = even ? a[low] : a[high] >> 1;
            return;
        }
        int highs = count - lows;
        if (even) {
            // X(2i) = L(i) - floor((H(i-1) + H(i) + 2) / 4), H(-1) = H(0), H(highs) = H(highs-1)
            int hPrev = a[high];
            for (int i = 0; i < lows; i++) {
                int h = i < highs ? a[high + i * step] : hPrev;
                t[to + 2 * i * tStep] = a[low + i * step] - ((hPrev + h + 2) >> 2);
                hPrev = h;
            }
            // X(2i+1) = H(i) + floor((X(2i) + X(2i+2)) / 2), X(count) = X(count-2)
            for (int i = 0; i < highs; i++) {
                int left = t[to + 2 * i * tStep];
                int right = 2 * i + 2 < count ? t[to + (2 * i + 2) * tStep] : left;
                t[to + (2 * i + 1) * tStep] = a[high + i * step] + ((left + right) >> 1);
            }
        } else {
            // first sample high-pass: X(2i+1) = L(i) - floor((H(i) + H(i+1) + 2) / 4)
            for (int i = 0; i < lows; i++) {
                int h0 = a[high + i * step];
                int h1 = i + 1 < highs ? a[high + (i + 1) * step] : h0;
                t[to + (2 * i + 1) * tStep] = a[low + i * step] - ((h0 + h1 + 2) >> 2);
            }
            // X(2i) = H(i) + floor((X(2i-1) + X(2i+1)) / 2), X(-1) = X(1), X(count) = X(count-2)
            for (int i = 0; i < highs; i++) {
                int right = 2 * i + 1 < count ? t[to + (2 * i + 1) * tStep] : t[to + (2 * i - 1) * tStep];
                int left = i > 0 ? t[to + (2 * i - 1) * tStep] : right;
                t[to + 2 * i * tStep] = a[high + i * step] + ((left + right) >> 1);
            }
        }
    }

    /** {@link #synthesize} of one row starting even, in place from the right, its high-pass half set aside in {@code h}. */
    private static void horizontalEven(int[] a, int row, int[] h, int count, int lows) {
        int highs = count - lows;
        System.arraycopy(a, row + lows, h, 0, highs);
        int i = lows - 1;
        int next;
        if (lows > highs) {
            // last sample low-pass: its right neighbour mirrors to H(highs - 1)
            next = a[row + i] - ((h[i - 1] + 1) >> 1);
            a[row + 2 * i] = next;
            i--;
        } else {
            next = Integer.MIN_VALUE;
        }
        for (; i >= 0; i--) {
            int hr = h[i];
            int even = a[row + i] - (((i > 0 ? h[i - 1] : hr) + hr + 2) >> 2);
            a[row + 2 * i + 1] = hr + ((even + (2 * i + 2 < count ? next : even)) >> 1);
            a[row + 2 * i] = even;
            next = even;
        }
    }

    /** Where {@link #inverseRows} hands the rows it makes, instead of writing them back. */
    @FunctionalInterface
    interface Rows {
        /** Row {@code y} of the region, {@code row[0..width)}; the array is reused once the call returns. */
        void accept(int[] row, int y);
    }

    /**
     * {@link #inverse} of a region that starts at even coordinates and is at least 2 x 2, both passes in
     * one sweep up the rows: each row has its horizontal pass just before the vertical pass reads it, so
     * that it is still in the cache. With {@code out}, the rows made go there instead of back into {@code
     * a} (and {@code a} is left as it is).
     */
    void inverseRows(int[] a, int stride, int width, int height, int lowWidth, int lowHeight, Rows out) {
        if (out != null) {
            rowsOut(a, stride, width, height, lowHeight, lowWidth, out);
        } else {
            verticalEven(a, stride, 0, width, height, lowHeight, lowWidth);
        }
    }

    /**
     * {@link #inverseRows} handing the rows out: {@code a} is only read, so each row has its horizontal
     * pass into a row array of its own just before the vertical pass needs it: the high-pass rows i - 1
     * and i for output rows 2i and 2i + 1, the low-pass row i.
     */
    private void rowsOut(int[] a, int stride, int width, int height, int lows, int lowWidth, Rows out) {
        int highs = height - lows;
        if (rowA.length < width) {
            rowA = new int[width];
            rowB = new int[width];
            rowO = new int[width];
        }
        if (tmp.length < width || high.length < 2 * width) {
            tmp = new int[Math.max(width, tmp.length)];
            high = new int[Math.max(2 * width, high.length)];
        }
        int[] low = tmp;
        int[] h = high;
        int[] even = rowA;
        int[] below = rowB;
        int[] odd = rowO;
        // H(min(i, highs - 1)) at h[h1..], H(i - 1) at h[h0..]: going up, a step's H(i - 1) is the next one's H(i)
        int h1 = 0;
        horizontalInto(a, (lows + Math.min(lows - 1, highs - 1)) * stride, h, h1, width, lowWidth);
        for (int i = lows - 1; i >= 0; i--) {
            int h0 = h1;
            if (i > 0 && i - 1 != Math.min(i, highs - 1)) { // else mirrored at the top, or the same row at the bottom
                h0 = width - h1;
                horizontalInto(a, (lows + i - 1) * stride, h, h0, width, lowWidth);
            }
            horizontalInto(a, i * stride, low, 0, width, lowWidth);
            // X(2i) = L(i) - floor((H(i-1) + H(i) + 2) / 4), mirrored at both ends
            for (int j = 0; j < width; j++) {
                even[j] = low[j] - ((h[h0 + j] + h[h1 + j] + 2) >> 2);
            }
            if (i < highs) {
                // X(2i+1) = H(i) + floor((X(2i) + X(2i+2)) / 2), X(height) = X(height-2)
                int[] next = 2 * i + 2 < height ? below : even;
                for (int j = 0; j < width; j++) {
                    odd[j] = h[h1 + j] + ((even[j] + next[j]) >> 1);
                }
                out.accept(odd, 2 * i + 1);
            }
            out.accept(even, 2 * i);
            int[] t = below;
            below = even;
            even = t;
            h1 = h0;
        }
    }

    /**
     * {@link #synthesize} of the row of {@code count} samples at {@code a[from]}, starting even, into
     * {@code x[to..to+count)}.
     */
    private static void horizontalInto(int[] a, int from, int[] x, int to, int count, int lows) {
        int highs = count - lows;
        int hb = from + lows;
        // X(2i) = L(i) - floor((H(i-1) + H(i) + 2) / 4), H(-1) = H(0), H(highs) = H(highs-1)
        // X(2i+1) = H(i) + floor((X(2i) + X(2i+2)) / 2), X(count) = X(count-2)
        int e = a[from] - ((a[hb] + 1) >> 1);
        x[to] = e;
        for (int i = 0; i < highs - 1; i++) {
            int hi = a[hb + i];
            int next = a[from + i + 1] - ((hi + a[hb + i + 1] + 2) >> 2);
            x[to + 2 * i + 2] = next;
            x[to + 2 * i + 1] = hi + ((e + next) >> 1);
            e = next;
        }
        int last = highs - 1;
        int hi = a[hb + last];
        int next = e;
        if (lows > highs) {
            next = a[from + highs] - ((hi + 1) >> 1);
            x[to + 2 * last + 2] = next;
        }
        x[to + 2 * last + 1] = hi + ((e + next) >> 1);
    }

    /**
     * {@link #synthesize} down columns {@code [from, to)}, rows starting even, a whole row at a time: the
     * high-pass rows are set aside, then output rows are made from the bottom up, each pair above every
     * low-pass row still to be read. Each row is made by a counted loop into a row array of its own (two
     * for the even rows, the one below kept for the odd row between), then copied into place. With
     * {@code lowWidth >= 0} (columns {@code [0, to)}), each row first has its horizontal pass.
     */
    private void verticalEven(int[] a, int stride, int from, int to, int height, int lows) {
        verticalEven(a, stride, from, to, height, lows, -1);
    }

    private void verticalEven(int[] a, int stride, int from, int to, int height, int lows, int lowWidth) {
        int width = to - from;
        int highs = height - lows;
        if (high.length < highs * width) {
            high = new int[highs * width];
        }
        if (rowA.length < width) {
            rowA = new int[width];
            rowB = new int[width];
            rowO = new int[width];
        }
        if (lowWidth >= 0) {
            if (tmp.length < width) {
                tmp = new int[width];
            }
        }
        int[] h = high;
        for (int i = 0; i < highs; i++) {
            int source = (lows + i) * stride + from;
            if (lowWidth >= 0) {
                horizontalEven(a, source, tmp, width, lowWidth);
            }
            System.arraycopy(a, source, h, i * width, width);
        }
        int[] even = rowA;
        int[] below = rowB;
        int[] odd = rowO;
        for (int i = lows - 1; i >= 0; i--) {
            // X(2i) = L(i) - floor((H(i-1) + H(i) + 2) / 4), mirrored at both ends
            int h1 = Math.min(i, highs - 1) * width;
            int h0 = i == 0 ? h1 : (i - 1) * width;
            int l = i * stride + from;
            if (lowWidth >= 0) {
                horizontalEven(a, l, tmp, width, lowWidth);
            }
            for (int j = 0; j < width; j++) {
                even[j] = a[l + j] - ((h[h0 + j] + h[h1 + j] + 2) >> 2);
            }
            if (i < highs) {
                // X(2i+1) = H(i) + floor((X(2i) + X(2i+2)) / 2), X(height) = X(height-2)
                int[] next = 2 * i + 2 < height ? below : even;
                int hi = i * width;
                for (int j = 0; j < width; j++) {
                    odd[j] = h[hi + j] + ((even[j] + next[j]) >> 1);
                }
                System.arraycopy(odd, 0, a, (2 * i + 1) * stride + from, width);
            }
            System.arraycopy(even, 0, a, 2 * i * stride + from, width);
            int[] t = below;
            below = even;
            even = t;
        }
    }
}
