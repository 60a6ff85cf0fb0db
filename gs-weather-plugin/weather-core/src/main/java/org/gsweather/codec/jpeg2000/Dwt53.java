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
    /** The six rows of {@link #rowsUp}. */
    private int[][] rows = new int[0][];
    // the copies of a row that horizontalSplit makes, for loops that read each from 0
    private int[] lowRow = new int[0];
    private int[] highRow = new int[0];
    private int[] highBefore = new int[0];
    private int[] evenAfter = new int[0];
    private int[] oddRow = new int[0];

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
                horizontalSplit(a, row, t, width, lowWidth);
                interleave(t, lowWidth, width, a, row);
            } else {
                synthesize(a, row, row + lowWidth, 1, t, 0, 1, width, lowWidth, false);
                System.arraycopy(t, 0, a, row, width);
            }
        }
    }

    /** The vertical half of {@link #inverse}, on columns {@code [from, to)}. */
    void vertical(int[] a, int stride, int from, int to, int height, int lowHeight, boolean evenY) {
        if (evenY && height > 1) {
            int width = to - from;
            int[] h = setAside(a, stride, from, width, height, lowHeight);
            rowsUp(a, stride, from, width, height, lowHeight, -1, h, 0, width, 0, lowHeight, (row, evens, y) -> {
                System.arraycopy(row, 0, a, y * stride + from, width);
            });
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

    /** Where {@link #inverseRows} hands the rows it makes, instead of writing them back. */
    @FunctionalInterface
    interface Rows {
        /**
         * Row {@code y} of the region, {@code width} samples in {@code row}: with {@code evens > 0}, the
         * {@code evens} at even x first, then those at odd x; with {@code evens == 0}, in their order. The
         * array is reused once the call returns.
         */
        void accept(int[] row, int evens, int y);
    }

    /**
     * {@link #inverse} of a region that starts at even coordinates and is at least 2 x 2, both passes in
     * one sweep up the rows: each row has its horizontal pass just before the vertical pass reads it, so
     * that it is still in the cache.
     */
    void inverseInPlace(int[] a, int stride, int width, int height, int lowWidth, int lowHeight) {
        int[] h = setAside(a, stride, 0, width, height, lowHeight);
        rowsUp(
                a,
                stride,
                0,
                width,
                height,
                lowHeight,
                lowWidth,
                h,
                0,
                width,
                0,
                lowHeight,
                (row, evens, y) -> interleave(row, evens, width, a, y * stride));
    }

    /** A row of {@code width} samples split as {@link #horizontalSplit} leaves it, back into place at {@code a[at]}. */
    private static void interleave(int[] row, int evens, int width, int[] a, int at) {
        for (int j = 0; j < evens; j++) {
            a[at + 2 * j] = row[j];
        }
        for (int j = evens, x = at + 1; j < width; j++, x += 2) {
            a[x] = row[j];
        }
    }

    /**
     * {@link #inverseInPlace} handing the output rows {@code 2i} and {@code 2i + 1} for {@code i} in {@code
     * [iFrom, iTo)} to {@code out} instead, {@code a} left as it is: bands of rows can be made on several
     * threads at once.
     */
    void inverseRows(
            int[] a, int stride, int width, int height, int lowWidth, int lowHeight, int iFrom, int iTo, Rows out) {
        rowsUp(a, stride, 0, width, height, lowHeight, lowWidth, a, lowHeight * stride, stride, iFrom, iTo, out);
    }

    /**
     * The high-pass rows of columns {@code [from, from + width)} copied aside, {@code width} apart, so
     * that rows made in place do not overwrite them before they are read.
     */
    private int[] setAside(int[] a, int stride, int from, int width, int height, int lows) {
        int highs = height - lows;
        if (high.length < highs * width) {
            high = new int[highs * width];
        }
        for (int k = 0; k < highs; k++) {
            System.arraycopy(a, (lows + k) * stride + from, high, k * width, width);
        }
        return high;
    }

    /**
     * {@link #synthesize} down columns {@code [from, from + width)}, rows starting even, a whole row at a
     * time, from the bottom up: output rows 2i and 2i + 1 are made from low-pass row i of {@code a} and
     * the high-pass rows i - 1 and i, H(k) at {@code hs[hBase + k * hStride]}, and handed to {@code out},
     * for i from {@code iTo - 1} down to {@code iFrom}.
     * As they come above every low-pass row still to be read, {@code out} may write them back into
     * {@code a} (the high-pass rows then set aside). With {@code lowWidth >= 0} each row read first has
     * its horizontal pass, which leaves it even columns then odd ones (the vertical pass works column by
     * column, whatever their order); else rows keep their order and {@code evens} is 0.
     *
     * <p>Every loop runs from 0 over arrays of its own: the JIT (Java 17) vectorizes those, and not loops
     * that read one array at two offsets or at an offset it does not know.
     */
    private void rowsUp(
            int[] a,
            int stride,
            int from,
            int width,
            int height,
            int lows,
            int lowWidth,
            int[] hs,
            int hBase,
            int hStride,
            int iFrom,
            int iTo,
            Rows out) {
        int highs = height - lows;
        if (rows.length < 6 || rows[0].length < width) {
            rows = new int[6][width + 1];
        }
        int[] hCur = rows[0];
        int[] hPrev = rows[1];
        int[] low = rows[2];
        int[] even = rows[3];
        int[] below = rows[4];
        int[] odd = rows[5];
        int evens = Math.max(0, lowWidth);
        // H(min(i, highs - 1)) in hCur, H(i - 1) in hPrev: going up, a step's H(i - 1) is the next one's H(i)
        int top = iTo - 1;
        readRow(hs, hBase + Math.min(top, highs - 1) * hStride, hCur, width, lowWidth);
        if (2 * iTo < height) {
            // X(2 iTo), the even row below the band that its last odd row needs (then H(top) is in hCur)
            readRow(hs, hBase + Math.min(iTo, highs - 1) * hStride, hPrev, width, lowWidth);
            readRow(a, iTo * stride + from, low, width, lowWidth);
            for (int j = 0; j < width; j++) {
                below[j] = low[j] - ((hCur[j] + hPrev[j] + 2) >> 2);
            }
        }
        for (int i = top; i >= iFrom; i--) {
            int[] h0 = hCur;
            if (i > 0 && i - 1 != Math.min(i, highs - 1)) { // else mirrored at the top, or the same row at the bottom
                readRow(hs, hBase + (i - 1) * hStride, hPrev, width, lowWidth);
                h0 = hPrev;
            }
            int[] h1 = hCur;
            readRow(a, i * stride + from, low, width, lowWidth);
            // X(2i) = L(i) - floor((H(i-1) + H(i) + 2) / 4), mirrored at both ends
            for (int j = 0; j < width; j++) {
                even[j] = low[j] - ((h0[j] + h1[j] + 2) >> 2);
            }
            if (i < highs) {
                // X(2i+1) = H(i) + floor((X(2i) + X(2i+2)) / 2), X(height) = X(height-2)
                int[] next = 2 * i + 2 < height ? below : even;
                for (int j = 0; j < width; j++) {
                    odd[j] = h1[j] + ((even[j] + next[j]) >> 1);
                }
                out.accept(odd, evens, 2 * i + 1);
            }
            out.accept(even, evens, 2 * i);
            int[] t = below;
            below = even;
            even = t;
            if (h0 != h1) {
                hPrev = h1;
                hCur = h0;
            }
        }
    }

    /** The row of {@code width} samples at {@code a[from]} into {@code x}, after its horizontal pass if {@code lowWidth >= 0}. */
    private void readRow(int[] a, int from, int[] x, int width, int lowWidth) {
        if (lowWidth >= 0) {
            horizontalSplit(a, from, x, width, lowWidth);
        } else {
            System.arraycopy(a, from, x, 0, width);
        }
    }

    /**
     * {@link #synthesize} of the row of {@code count} samples at {@code a[from]}, starting even, into
     * {@code x[0..count)}: the samples at even positions, then those at odd ones. Each loop runs from 0
     * over copies of its own (see {@link #rowsUp}).
     */
    private void horizontalSplit(int[] a, int from, int[] x, int count, int lows) {
        int highs = count - lows;
        if (lowRow.length <= lows) {
            lowRow = new int[lows + 1];
            highRow = new int[lows + 1];
            highBefore = new int[lows + 1];
            evenAfter = new int[lows + 1];
            oddRow = new int[lows + 1];
        }
        int[] l = lowRow;
        int[] h = highRow;
        int[] hp = highBefore;
        int[] en = evenAfter;
        int[] o = oddRow;
        System.arraycopy(a, from, l, 0, lows);
        System.arraycopy(a, from + lows, h, 0, highs);
        h[highs] = h[highs - 1];
        System.arraycopy(h, 0, hp, 1, highs);
        hp[0] = h[0];
        // X(2i) = L(i) - floor((H(i-1) + H(i) + 2) / 4), H(-1) = H(0), H(highs) = H(highs-1)
        for (int i = 0; i < lows; i++) {
            x[i] = l[i] - ((hp[i] + h[i] + 2) >> 2);
        }
        // X(2i+1) = H(i) + floor((X(2i) + X(2i+2)) / 2), X(count) = X(count-2)
        System.arraycopy(x, 1, en, 0, lows - 1);
        en[lows - 1] = x[lows - 1];
        for (int i = 0; i < highs; i++) {
            o[i] = h[i] + ((x[i] + en[i]) >> 1);
        }
        System.arraycopy(o, 0, x, lows, highs);
    }
}
