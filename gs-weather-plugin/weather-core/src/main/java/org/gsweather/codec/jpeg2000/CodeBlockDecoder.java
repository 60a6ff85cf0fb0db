package org.gsweather.codec.jpeg2000;

import java.util.Arrays;

/**
 * Tier 1 of JPEG 2000 (ISO/IEC 15444-1 Annex D): the significance propagation, magnitude refinement and
 * cleanup passes of one code-block, with the MQ decoder or, for the passes the arithmetic coding bypass
 * leaves raw, plain bits.
 *
 * <p>State is kept per column of a stripe (four rows) in one word: significance and sign of the six rows
 * from the last row of the stripe above to the first row of the stripe below (so that three words give
 * the whole neighbourhood of the four samples), and whether each of the four was coded in the current
 * significance pass or has been refined. Magnitudes carry, below the last decoded bit-plane, the half
 * step at which the standard places the reconstruction (E.1.1.2, r = 1/2).
 *
 * <p>Each pass writes the MQ decision (C.3.2) out where it makes one, with the coder's registers in
 * local variables for the length of the pass, as OpenJPEG does with its decoding macros: tier 1 is most
 * of the decode time, and a call that returns the decision cannot keep both registers in locals.
 * {@link MqDecoder#decode} is the same decision in one place, for the rare ones (the row and sign after
 * an interrupted run, segmentation symbols).
 */
final class CodeBlockDecoder {
    private static final int ZC = 0;
    private static final int SC = 9;
    private static final int MR = 14;
    private static final int RL = 17;
    private static final int UNIFORM = 18;

    /** Significance of rows -1..4 of a stripe column (row r at bit r + 1). */
    private static final int SIG6 = 0x3f;
    /** Sign (1 negative) of rows -1..4, at bits 6..11. */
    private static final int NEG_SHIFT = 6;

    private static final int VISIT_SHIFT = 12;
    private static final int VISIT_ALL = 0xf << VISIT_SHIFT;
    private static final int REFINED_SHIFT = 16;

    /**
     * Zero coding contexts (Table D.1) for LL and LH, HL, HH, by the significance of the 3x3 neighbourhood
     * row by row, three bits a row from west to east (NW at bit 0, centre at bit 4, SE at bit 8).
     */
    private static final byte[] ZC_LUT = new byte[3 * 512];
    /**
     * The six significance bits of a word (rows -1..4) spread three bits apart: {@code ROWS3[w & SIG6] |
     * ROWS3[c & SIG6] << 1 | ROWS3[e & SIG6] << 2} lays out the neighbourhood of a column, the 3x3 of row
     * r at bits 3r..3r+8, as {@link #ZC_LUT} takes it.
     */
    private static final int[] ROWS3 = new int[64];
    /**
     * Sign coding context and XOR bit (Table D.3), {@code context << 1 | xor}, by the significance of W, E,
     * N, S at bits 0, 1, 2, 4 and their signs at bits 6, 7, 8, 10 (as {@link #signContext} gathers them).
     */
    private static final byte[] SC_LUT = new byte[2048];

    static {
        for (int n = 0; n < 512; n++) {
            int h = (n >> 3 & 1) + (n >> 5 & 1);
            int v = (n >> 1 & 1) + (n >> 7 & 1);
            int d = (n & 1) + (n >> 2 & 1) + (n >> 6 & 1) + (n >> 8 & 1);
            ZC_LUT[n] = (byte) zeroCoding(h, v, d);
            ZC_LUT[512 + n] = (byte) zeroCoding(v, h, d);
            ZC_LUT[1024 + n] = (byte) diagonalZeroCoding(h + v, d);
        }
        for (int b = 0; b < 64; b++) {
            for (int j = 0; j < 6; j++) {
                ROWS3[b] |= (b >> j & 1) << (3 * j);
            }
        }
        for (int n = 0; n < 2048; n++) {
            int h = contribution(n & 1, n >> 6 & 1) + contribution(n >> 1 & 1, n >> 7 & 1);
            int v = contribution(n >> 2 & 1, n >> 8 & 1) + contribution(n >> 4 & 1, n >> 10 & 1);
            h = Math.max(-1, Math.min(1, h));
            v = Math.max(-1, Math.min(1, v));
            int context;
            if (h == 0) {
                context = v == 0 ? 9 : 10;
            } else {
                context = 12 + h * v;
            }
            int xor = h < 0 || h == 0 && v < 0 ? 1 : 0;
            SC_LUT[n] = (byte) (context << 1 | xor);
        }
    }

    private static int zeroCoding(int h, int v, int d) {
        if (h == 2) {
            return 8;
        }
        if (h == 1) {
            return v >= 1 ? 7 : d >= 1 ? 6 : 5;
        }
        return v == 2 ? 4 : v == 1 ? 3 : d >= 2 ? 2 : d;
    }

    private static int diagonalZeroCoding(int hv, int d) {
        if (d >= 3) {
            return 8;
        }
        if (d == 2) {
            return hv >= 1 ? 7 : 6;
        }
        if (d == 1) {
            return hv >= 2 ? 5 : hv == 1 ? 4 : 3;
        }
        return hv >= 2 ? 2 : hv;
    }

    private static int contribution(int significant, int negative) {
        return significant == 0 ? 0 : negative == 0 ? 1 : -1;
    }

    private final MqDecoder mq = new MqDecoder(19);
    private int[] words = new int[0];
    /**
     * Magnitudes and signs (bit 31; code-blocks start at bit-plane 30 at most), the four of a stripe
     * column together: row r of the column of word k at {@code 4 * k + r}.
     */
    private int[] magnitudes = new int[0];
    /**
     * Per stripe (one spare at either end), the columns whose word has a significant row, including the
     * rows either side: blocks up to 64 wide visit only these (and their neighbours) in the significance
     * and refinement passes.
     */
    private long[] live = new long[0];
    /** Per stripe, as {@link #live}, the columns with a significant row of the stripe itself. */
    private long[] own = new long[0];
    /**
     * {@link #own} at the start of the bit-plane's significance pass: the columns the refinement pass
     * refines.
     */
    private long[] refine = new long[0];
    /**
     * Per stripe, in blocks up to 64 wide, the columns whose rows are all significant or coded by the
     * bit-plane's significance pass, as that pass leaves them: the cleanup pass skips them.
     */
    private long[] done = new long[0];
    /**
     * Per stripe, in blocks up to 64 wide, columns whose rows are all significant, as the significance pass
     * finds them: it visits them no more.
     */
    private long[] complete = new long[0];

    private int width;
    private int height;
    private int stride;
    private int stripes;
    private int zcOffset;
    /**
     * By row of a stripe, the other stripe whose words see the row: -1, the one above, for row 0 (0 in the
     * vertically causal mode, where a stripe ignores the one below it); 1, the one below, for row 3; else 0.
     */
    private final int[] reach = {-1, 0, 0, 1};

    /**
     * Decodes {@code passes} coding passes of a {@code width x height} code-block whose first (cleanup)
     * pass codes bit-plane {@code topPlane}. Segment {@code s} holds {@code segmentPasses[s]} passes, its
     * bytes are {@code data[segmentStart[s] .. segmentEnd[s])}.
     *
     * @param orientation 0 LL, 1 HL, 2 LH, 3 HH
     */
    void decode(
            int width,
            int height,
            int orientation,
            int style,
            int topPlane,
            int passes,
            byte[] data,
            int segments,
            int[] segmentPasses,
            int[] segmentStart,
            int[] segmentEnd) {
        this.width = width;
        this.height = height;
        this.stride = width + 2;
        this.stripes = (height + 3) >> 2;
        this.zcOffset = orientation == 1 ? 512 : orientation == 3 ? 1024 : 0;
        reach[0] = (style & J2kCodingStyle.CAUSAL) != 0 ? 0 : -1;
        int wordCount = stride * (stripes + 2);
        if (live.length < stripes + 2) {
            live = new long[Math.max(stripes + 2, 2 * live.length)];
            own = new long[live.length];
            refine = new long[live.length];
            done = new long[live.length];
            complete = new long[live.length];
        } else {
            Arrays.fill(live, 0, stripes + 2, 0);
            Arrays.fill(own, 0, stripes + 2, 0);
            Arrays.fill(done, 0, stripes + 2, 0);
            Arrays.fill(complete, 0, stripes + 2, 0);
        }
        if (words.length < wordCount) {
            words = new int[Math.max(wordCount, 2 * words.length)];
        } else {
            Arrays.fill(words, 0, wordCount, 0);
        }
        if (magnitudes.length < 4 * wordCount) {
            magnitudes = new int[Math.max(4 * wordCount, 2 * magnitudes.length)];
        } else {
            Arrays.fill(magnitudes, 0, 4 * wordCount, 0);
        }
        resetContexts();
        boolean bypass = (style & J2kCodingStyle.BYPASS) != 0;
        boolean reset = (style & J2kCodingStyle.RESET) != 0;
        boolean segmentation = (style & J2kCodingStyle.SEGMENTATION) != 0;
        int segment = -1;
        int segmentEndPass = 0;
        for (int pass = 0; pass < passes; pass++) {
            int kind = pass == 0 ? 2 : (pass - 1) % 3;
            int plane = topPlane - (pass + 2) / 3;
            boolean raw = bypass && pass >= 10 && kind != 2;
            if (pass == segmentEndPass) {
                segment++;
                segmentEndPass += segmentPasses[segment];
                if (raw) {
                    mq.startRaw(data, segmentStart[segment], segmentEnd[segment]);
                } else {
                    mq.start(data, segmentStart[segment], segmentEnd[segment]);
                }
            }
            if (kind == 0) {
                if (raw) {
                    significanceRaw(plane);
                } else {
                    significance(plane);
                }
            } else if (kind == 1) {
                if (raw) {
                    refinementRaw(plane);
                } else {
                    refinement(plane);
                }
            } else {
                cleanup(plane);
                if (segmentation) {
                    for (int k = 0; k < 4; k++) {
                        mq.decode(UNIFORM);
                    }
                }
            }
            if (reset) {
                resetContexts();
            }
        }
    }

    private void resetContexts() {
        int[] cx = mq.contexts;
        Arrays.fill(cx, MqDecoder.state(0, 0));
        cx[ZC] = MqDecoder.state(4, 0);
        cx[RL] = MqDecoder.state(3, 0);
        cx[UNIFORM] = MqDecoder.state(46, 0);
    }

    /**
     * Writes the decoded coefficients, signed, to {@code out[offset + y * outStride + x]}, once: the
     * magnitudes are made two's complement in place first, in a loop the JIT vectorizes, so that the
     * copy, a column of a stripe at a time, only moves them.
     */
    void copyTo(int[] out, int offset, int outStride) {
        int[] m = magnitudes;
        int n = 4 * stride * (stripes + 2);
        for (int i = 0; i < n; i++) {
            int v = m[i];
            int negative = v >> 31;
            m[i] = ((v & Integer.MAX_VALUE) ^ negative) - negative;
        }
        int full = height >> 2;
        for (int s = 0; s < full; s++) {
            int at = ((s + 1) * stride + 1) << 2;
            int o = offset + 4 * s * outStride;
            for (int x = 0; x < width; x++, at += 4) {
                out[o + x] = m[at];
                out[o + outStride + x] = m[at + 1];
                out[o + 2 * outStride + x] = m[at + 2];
                out[o + 3 * outStride + x] = m[at + 3];
            }
        }
        for (int y = 4 * full; y < height; y++) {
            int at = (((y >> 2) + 1) * stride + 1) << 2 | (y & 3);
            int o = offset + y * outStride;
            for (int x = 0; x < width; x++) {
                out[o + x] = m[at + 4 * x];
            }
        }
    }

    /** Writes the decoded coefficients times {@code scale}, signed, to {@code out}. */
    void copyTo(float[] out, int offset, int outStride, float scale) {
        int[] m = magnitudes;
        for (int y = 0; y < height; y++) {
            int at = (((y >> 2) + 1) * stride + 1) << 2 | (y & 3);
            int o = offset + y * outStride;
            for (int x = 0; x < width; x++) {
                int v = m[at + 4 * x];
                float f = (v & Integer.MAX_VALUE) * scale;
                out[o + x] = v < 0 ? -f : f;
            }
        }
    }

    /** Sign coding context and XOR bit (D.3.2) of row {@code r} of a column with words {@code w, c, e}. */
    private static int signContext(int w, int c, int e, int r) {
        // significance and sign of row r of w and e, of rows r - 1 and r + 1 of c, NEG_SHIFT apart
        return SC_LUT[(w >> (r + 1) & 0x41) | (e >> r & 0x82) | (c >> r & 0x145) << 2];
    }

    /**
     * Marks row {@code r} of column {@code x}, word {@code k}, of stripe {@code s} significant in the
     * word of the stripe above (row 0, as its row 4) or below (row 3, as its row -1), which have a spare
     * stripe at either end, and the column as live in the stripes whose words see it.
     */
    private void spread(int k, int s, int x, int r, int negative) {
        spreadOut(k, s, x, r, negative);
        own[s + 1] |= 1L << x;
        live[s + 1] |= 1L << x;
    }

    /**
     * {@link #spread} of row {@code r} but for the column's bits in its own stripe's {@link #own} and {@link
     * #live}, which the caller gathers and sets once it is done with the stripe.
     */
    private void spreadOut(int k, int s, int x, int r, int negative) {
        int step = reach[r];
        // rows 1 and 2 OR nothing into their own word, which the caller writes after
        words[k + step * stride] |= ((1 | negative << NEG_SHIFT) << (step >> 31 & 5)) & -(step & 1);
        live[s + 1 + step] |= 1L << x;
    }

    private void significance(int plane) {
        System.arraycopy(own, 0, refine, 0, stripes + 2);
        int set = (1 << plane) | (1 << plane >> 1);
        for (int s = 0; s < stripes; s++) {
            significance(s, set);
        }
    }

    /**
     * The significance propagation pass over stripe {@code s}, setting magnitudes that become
     * significant to {@code set}. Each pass works a stripe at a time in a method of its own, which keeps
     * fewer values alive in its loops, so that the JIT can keep A and C in registers.
     */
    private void significance(int s, int set) {
        int[] wd = words;
        int[] mag = magnitudes;
        int[] cx = mq.contexts;
        int zo = zcOffset;
        int a = mq.a;
        long c = mq.c;
        int rowMask = (1 << Math.min(4, height - 4 * s)) - 1;
        int row = (s + 1) * stride + 1;
        long around = live[s + 1] | live[s + 1] << 1 | live[s + 1] >>> 1;
        // columns left with every row significant or coded here: the cleanup pass skips them
        long full = complete[s + 1];
        // columns with a row made significant here, for own and live once the stripe is done
        long gained = 0;
        for (int x0 = 0; x0 < width; x0 += 64) {
            long chunk = -1L >>> Math.max(0, 64 - (width - x0));
            // columns with a significant sample or next to one, but complete ones (all columns in blocks wider than 64)
            long cols = width > 64 ? chunk : around & chunk & ~complete[s + 1];
            while (cols != 0) {
                int x = x0 + Long.numberOfTrailingZeros(cols);
                cols &= cols - 1;
                int k = row + x;
                int col = wd[k];
                int w = wd[k - 1];
                int e = wd[k + 1];
                int v = (w | col | e) & SIG6;
                // rows not yet significant with a significant neighbour
                int m = (v | v >> 1 | v >> 2) & ~(col >> 1) & rowMask;
                if (m == 0) {
                    long whole = (long) (((~col >> 1 & rowMask) - 1) >>> 31) << x;
                    full |= whole;
                    complete[s + 1] |= whole;
                    continue;
                }
                int nb = ROWS3[w & SIG6] | ROWS3[col & SIG6] << 1 | ROWS3[e & SIG6] << 2;
                // Rows 0 to 3 one after the other, written out: with the row a constant every shift by it is
                // an immediate (the JIT shifts by a variable through CL), 0.9 ms of the 15 this pass takes on
                // the CMC GDPS field. A row made significant gives the row below a significant neighbour.
                if ((m & 1) != 0) {
                    col |= 1 << VISIT_SHIFT;
                    int d;
                    {
                        // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                        int cxi = ZC_LUT[zo + (nb & 511)];
                        int st = cx[cxi];
                        int q = st & MqDecoder.QE;
                        long qc = (long) q << 32;
                        long mpsC = c - qc;
                        long lpsPath = mpsC >> 63;
                        int mpsA = a - q;
                        int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                        d = (st ^ lps) & 1;
                        a = mpsA + ((q - mpsA) & (int) lpsPath);
                        c = mpsC + (qc & lpsPath);
                        int sh = Integer.numberOfLeadingZeros(a) - 1;
                        cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                        a <<= sh;
                        c <<= sh;
                        if ((int) c == 0) {
                            c = mq.refill(c);
                        }
                    }
                    if (d != 0) {
                        int sc = signContext(w, col, e, 0);
                        int negative;
                        {
                            // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                            int cxi = sc >> 1;
                            int st = cx[cxi];
                            int q = st & MqDecoder.QE;
                            long qc = (long) q << 32;
                            long mpsC = c - qc;
                            long lpsPath = mpsC >> 63;
                            int mpsA = a - q;
                            int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                            negative = (st ^ lps) & 1;
                            a = mpsA + ((q - mpsA) & (int) lpsPath);
                            c = mpsC + (qc & lpsPath);
                            int sh = Integer.numberOfLeadingZeros(a) - 1;
                            cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                            a <<= sh;
                            c <<= sh;
                            if ((int) c == 0) {
                                c = mq.refill(c);
                            }
                        }
                        negative ^= sc & 1;
                        col |= 1 << 1 | negative << (NEG_SHIFT + 1);
                        nb |= 16;
                        spreadOut(k, s, x, 0, negative);
                        gained |= 1L << x;
                        mag[k << 2] = set | negative << 31;
                        m |= 2 & ~(col >> 1) & rowMask;
                        cols |= (2L << (x - x0)) & chunk;
                    }
                }
                if ((m & 2) != 0) {
                    col |= 1 << (VISIT_SHIFT + 1);
                    int d;
                    {
                        // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                        int cxi = ZC_LUT[zo + (nb >>> 3 & 511)];
                        int st = cx[cxi];
                        int q = st & MqDecoder.QE;
                        long qc = (long) q << 32;
                        long mpsC = c - qc;
                        long lpsPath = mpsC >> 63;
                        int mpsA = a - q;
                        int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                        d = (st ^ lps) & 1;
                        a = mpsA + ((q - mpsA) & (int) lpsPath);
                        c = mpsC + (qc & lpsPath);
                        int sh = Integer.numberOfLeadingZeros(a) - 1;
                        cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                        a <<= sh;
                        c <<= sh;
                        if ((int) c == 0) {
                            c = mq.refill(c);
                        }
                    }
                    if (d != 0) {
                        int sc = signContext(w, col, e, 1);
                        int negative;
                        {
                            // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                            int cxi = sc >> 1;
                            int st = cx[cxi];
                            int q = st & MqDecoder.QE;
                            long qc = (long) q << 32;
                            long mpsC = c - qc;
                            long lpsPath = mpsC >> 63;
                            int mpsA = a - q;
                            int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                            negative = (st ^ lps) & 1;
                            a = mpsA + ((q - mpsA) & (int) lpsPath);
                            c = mpsC + (qc & lpsPath);
                            int sh = Integer.numberOfLeadingZeros(a) - 1;
                            cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                            a <<= sh;
                            c <<= sh;
                            if ((int) c == 0) {
                                c = mq.refill(c);
                            }
                        }
                        negative ^= sc & 1;
                        col |= 1 << 2 | negative << (NEG_SHIFT + 2);
                        nb |= 16 << 3;
                        gained |= 1L << x;
                        mag[k << 2 | 1] = set | negative << 31;
                        m |= 4 & ~(col >> 1) & rowMask;
                        cols |= (2L << (x - x0)) & chunk;
                    }
                }
                if ((m & 4) != 0) {
                    col |= 1 << (VISIT_SHIFT + 2);
                    int d;
                    {
                        // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                        int cxi = ZC_LUT[zo + (nb >>> 6 & 511)];
                        int st = cx[cxi];
                        int q = st & MqDecoder.QE;
                        long qc = (long) q << 32;
                        long mpsC = c - qc;
                        long lpsPath = mpsC >> 63;
                        int mpsA = a - q;
                        int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                        d = (st ^ lps) & 1;
                        a = mpsA + ((q - mpsA) & (int) lpsPath);
                        c = mpsC + (qc & lpsPath);
                        int sh = Integer.numberOfLeadingZeros(a) - 1;
                        cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                        a <<= sh;
                        c <<= sh;
                        if ((int) c == 0) {
                            c = mq.refill(c);
                        }
                    }
                    if (d != 0) {
                        int sc = signContext(w, col, e, 2);
                        int negative;
                        {
                            // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                            int cxi = sc >> 1;
                            int st = cx[cxi];
                            int q = st & MqDecoder.QE;
                            long qc = (long) q << 32;
                            long mpsC = c - qc;
                            long lpsPath = mpsC >> 63;
                            int mpsA = a - q;
                            int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                            negative = (st ^ lps) & 1;
                            a = mpsA + ((q - mpsA) & (int) lpsPath);
                            c = mpsC + (qc & lpsPath);
                            int sh = Integer.numberOfLeadingZeros(a) - 1;
                            cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                            a <<= sh;
                            c <<= sh;
                            if ((int) c == 0) {
                                c = mq.refill(c);
                            }
                        }
                        negative ^= sc & 1;
                        col |= 1 << 3 | negative << (NEG_SHIFT + 3);
                        nb |= 16 << 6;
                        gained |= 1L << x;
                        mag[k << 2 | 2] = set | negative << 31;
                        m |= 8 & ~(col >> 1) & rowMask;
                        cols |= (2L << (x - x0)) & chunk;
                    }
                }
                if ((m & 8) != 0) {
                    col |= 1 << (VISIT_SHIFT + 3);
                    int d;
                    {
                        // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                        int cxi = ZC_LUT[zo + (nb >>> 9 & 511)];
                        int st = cx[cxi];
                        int q = st & MqDecoder.QE;
                        long qc = (long) q << 32;
                        long mpsC = c - qc;
                        long lpsPath = mpsC >> 63;
                        int mpsA = a - q;
                        int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                        d = (st ^ lps) & 1;
                        a = mpsA + ((q - mpsA) & (int) lpsPath);
                        c = mpsC + (qc & lpsPath);
                        int sh = Integer.numberOfLeadingZeros(a) - 1;
                        cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                        a <<= sh;
                        c <<= sh;
                        if ((int) c == 0) {
                            c = mq.refill(c);
                        }
                    }
                    if (d != 0) {
                        int sc = signContext(w, col, e, 3);
                        int negative;
                        {
                            // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                            int cxi = sc >> 1;
                            int st = cx[cxi];
                            int q = st & MqDecoder.QE;
                            long qc = (long) q << 32;
                            long mpsC = c - qc;
                            long lpsPath = mpsC >> 63;
                            int mpsA = a - q;
                            int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                            negative = (st ^ lps) & 1;
                            a = mpsA + ((q - mpsA) & (int) lpsPath);
                            c = mpsC + (qc & lpsPath);
                            int sh = Integer.numberOfLeadingZeros(a) - 1;
                            cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                            a <<= sh;
                            c <<= sh;
                            if ((int) c == 0) {
                                c = mq.refill(c);
                            }
                        }
                        negative ^= sc & 1;
                        col |= 1 << 4 | negative << (NEG_SHIFT + 4);
                        nb |= 16 << 9;
                        spreadOut(k, s, x, 3, negative);
                        gained |= 1L << x;
                        mag[k << 2 | 3] = set | negative << 31;
                        cols |= (2L << (x - x0)) & chunk;
                    }
                }
                wd[k] = col;
                full |= (long) (((~(col >> 1 | col >> VISIT_SHIFT) & rowMask) - 1) >>> 31) << x;
            }
        }
        done[s + 1] = width > 64 ? 0 : full;
        own[s + 1] |= gained;
        live[s + 1] |= gained;
        mq.a = a;
        mq.c = c;
    }

    private void refinement(int plane) {
        for (int s = 0; s < stripes; s++) {
            refinement(s, plane);
        }
    }

    /** The magnitude refinement pass over stripe {@code s}. */
    private void refinement(int s, int plane) {
        int half = 1 << plane >> 1;
        int[] wd = words;
        int[] mag = magnitudes;
        int[] cx = mq.contexts;
        int a = mq.a;
        long c = mq.c;
        int row = (s + 1) * stride + 1;
        for (int x0 = 0; x0 < width; x0 += 64) {
            long chunk = -1L >>> Math.max(0, 64 - (width - x0));
            long cols = width > 64 ? chunk : refine[s + 1] & chunk;
            while (cols != 0) {
                int k = row + x0 + Long.numberOfTrailingZeros(cols);
                cols &= cols - 1;
                int col = wd[k];
                // rows significant before this bit-plane's significance pass
                int m = (col >> 1) & ~(col >> VISIT_SHIFT) & 0xf;
                if (m == 0) {
                    continue;
                }
                do {
                    int r = Integer.numberOfTrailingZeros(m);
                    m &= m - 1;
                    // Table D.4: samples refined before, else by whether a neighbour is significant
                    int n = ((wd[k - 1] | wd[k + 1]) >> r & 7) | (col >> r & 5);
                    int before = col >> (REFINED_SHIFT + r) & 1;
                    int cxi = MR + (before << 1 | ((n | -n) >>> 31 & (before ^ 1)));
                    int bit;
                    {
                        // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                        int st = cx[cxi];
                        int q = st & MqDecoder.QE;
                        long qc = (long) q << 32;
                        long mpsC = c - qc;
                        long lpsPath = mpsC >> 63;
                        int mpsA = a - q;
                        int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                        bit = (st ^ lps) & 1;
                        a = mpsA + ((q - mpsA) & (int) lpsPath);
                        c = mpsC + (qc & lpsPath);
                        int sh = Integer.numberOfLeadingZeros(a) - 1;
                        cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                        a <<= sh;
                        c <<= sh;
                        if ((int) c == 0) {
                            c = mq.refill(c);
                        }
                    }
                    int i = k << 2 | r;
                    mag[i] = (mag[i] ^ (bit ^ 1) << plane) | half;
                    col |= 1 << (REFINED_SHIFT + r);
                } while (m != 0);
                wd[k] = col;
            }
        }
        mq.a = a;
        mq.c = c;
    }

    private void cleanup(int plane) {
        int set = (1 << plane) | (1 << plane >> 1);
        for (int s = 0; s < stripes; s++) {
            int from = runs(s);
            cleanup(s, set, from >> 1, (from & 1) != 0 ? from >> 1 : -1);
        }
    }

    /**
     * The run-length decisions (D.3.4) from the start of stripe {@code s} where nothing in or next to the
     * stripe is significant, so that every column of four rows is a run: the word of the first column
     * whose run is interrupted (its decision made), {@code << 1 | 1}, or of the end of the stripe. Else
     * the word of the stripe's first column, {@code << 1}.
     */
    private int runs(int s) {
        int k = (s + 1) * stride + 1;
        int end = k + width;
        if (live[s + 1] != 0 || height - 4 * s < 4) {
            return k << 1;
        }
        int[] cx = mq.contexts;
        int a = mq.a;
        long c = mq.c;
        int run;
        do {
            int st = cx[RL];
            int q = st & MqDecoder.QE;
            if ((st & 1) == 0) {
                // MPS 0, no run interrupted: as many MPS decisions without renormalization as A - Qe >= 0x8000
                // and CHIGH >= Qe allow, at once (0 or less after a corrupt segment set the top bit of C)
                int n = Math.min(Math.min(a - (1 << 30), (int) (c >>> 32)) / q, end - k);
                if (n > 0) {
                    a -= n * q;
                    c -= (long) (n * q) << 32;
                    k += n;
                    if (k == end) {
                        run = 0;
                        break;
                    }
                }
            }
            long qc = (long) q << 32;
            long mpsC = c - qc;
            int mpsA = a - q;
            if ((mpsC | (mpsA - (1 << 30))) >= 0) {
                // MPS without renormalization: CHIGH >= Qe and A - Qe >= 0x8000
                a = mpsA;
                c = mpsC;
                run = st & 1;
            } else {
                long lpsPath = mpsC >> 63;
                int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                run = (st ^ lps) & 1;
                a = mpsA + ((q - mpsA) & (int) lpsPath);
                c = mpsC + (qc & lpsPath);
                int sh = Integer.numberOfLeadingZeros(a) - 1;
                cx[RL] = MqDecoder.NEXT[(st & 127) << 1 | lps];
                a <<= sh;
                c <<= sh;
                if ((int) c == 0) {
                    c = mq.refill(c);
                }
            }
        } while (run == 0 && ++k < end);
        mq.a = a;
        mq.c = c;
        return k << 1 | run;
    }

    /**
     * The cleanup pass over stripe {@code s} from word {@code from}, setting magnitudes that become
     * significant to {@code set}; the run of word {@code interrupted} is known to be interrupted.
     */
    private void cleanup(int s, int set, int from, int interrupted) {
        int[] wd = words;
        int[] mag = magnitudes;
        int[] cx = mq.contexts;
        int zo = zcOffset;
        int a = mq.a;
        long c = mq.c;
        int rowMask = (1 << Math.min(4, height - 4 * s)) - 1;
        int row = (s + 1) * stride + 1;
        long skip = done[s + 1];
        for (long d = skip; d != 0; d &= d - 1) {
            wd[row + Long.numberOfTrailingZeros(d)] &= ~VISIT_ALL;
        }
        for (int x0 = from - row; x0 < width; x0 = (x0 & -64) + 64) {
            // the columns from x0 to the end of its 64 (shifts count modulo 64), but those done
            long todo = (-1L >>> Math.max(0, 64 - (width - (x0 & -64)))) & (-1L << x0) & ~skip;
            int base = row + (x0 & -64);
            while (todo != 0) {
                int k = base + Long.numberOfTrailingZeros(todo);
                todo &= todo - 1;
                int col = wd[k];
                // rows neither significant nor coded by this bit-plane's significance pass
                int m = ~(col >> 1 | col >> VISIT_SHIFT) & rowMask;
                if (m == 0) { // in blocks wider than 64, which skip none
                    wd[k] = col & ~VISIT_ALL;
                    continue;
                }
                int w = wd[k - 1];
                int e = wd[k + 1];
                if (m == 0xf && ((w | col | e) & SIG6) == 0) {
                    // run-length coding of four insignificant samples with insignificant neighbours (D.3.4)
                    int run;
                    if (k == interrupted) {
                        run = 1;
                    } else {
                        // one run after another while the next column is one too: next to code, its four rows
                        // neither significant nor coded, nothing significant around it
                        while (true) {
                            int st = cx[RL];
                            int q = st & MqDecoder.QE;
                            long qc = (long) q << 32;
                            long mpsC = c - qc;
                            int mpsA = a - q;
                            if ((mpsC | (mpsA - (1 << 30))) >= 0) {
                                // MPS without renormalization: CHIGH >= Qe and A - Qe >= 0x8000
                                a = mpsA;
                                c = mpsC;
                                run = st & 1;
                            } else {
                                long lpsPath = mpsC >> 63;
                                int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                                run = (st ^ lps) & 1;
                                a = mpsA + ((q - mpsA) & (int) lpsPath);
                                c = mpsC + (qc & lpsPath);
                                int sh = Integer.numberOfLeadingZeros(a) - 1;
                                cx[RL] = MqDecoder.NEXT[(st & 127) << 1 | lps];
                                a <<= sh;
                                c <<= sh;
                                if ((int) c == 0) {
                                    c = mq.refill(c);
                                }
                            }
                            if (run != 0) {
                                break;
                            }
                            int next = k + 1 - base;
                            if (next >= 64 || (todo & 1L << next) == 0 || (e & VISIT_ALL) != 0) {
                                break;
                            }
                            int east = wd[k + 2];
                            if (((e | east) & SIG6) != 0) {
                                break;
                            }
                            todo &= todo - 1;
                            k++;
                            w = col;
                            col = e;
                            e = east;
                        }
                    }
                    if (run == 0) {
                        continue;
                    }
                    mq.a = a;
                    mq.c = c;
                    int r = mq.decode(UNIFORM) << 1;
                    r |= mq.decode(UNIFORM);
                    int sc = signContext(w, col, e, r);
                    int negative = mq.decode(sc >> 1) ^ (sc & 1);
                    a = mq.a;
                    c = mq.c;
                    col |= 1 << (r + 1) | negative << (NEG_SHIFT + r + 1);
                    spread(k, s, k - row, r, negative);
                    mag[k << 2 | r] = set | negative << 31;
                    m &= -2 << r;
                }
                int nb = ROWS3[w & SIG6] | ROWS3[col & SIG6] << 1 | ROWS3[e & SIG6] << 2;
                while (m != 0) {
                    int r = Integer.numberOfTrailingZeros(m);
                    m &= m - 1;
                    int d;
                    {
                        // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                        int cxi = ZC_LUT[zo + (nb >>> (3 * r) & 511)];
                        int st = cx[cxi];
                        int q = st & MqDecoder.QE;
                        long qc = (long) q << 32;
                        long mpsC = c - qc;
                        long lpsPath = mpsC >> 63;
                        int mpsA = a - q;
                        int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                        d = (st ^ lps) & 1;
                        a = mpsA + ((q - mpsA) & (int) lpsPath);
                        c = mpsC + (qc & lpsPath);
                        int sh = Integer.numberOfLeadingZeros(a) - 1;
                        cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                        a <<= sh;
                        c <<= sh;
                        if ((int) c == 0) {
                            c = mq.refill(c);
                        }
                    }
                    if (d != 0) {
                        int sc = signContext(w, col, e, r);
                        int negative;
                        {
                            // C.3.2 without branches: LPS or MPS path, conditional exchange, renormalization
                            int cxi = sc >> 1;
                            int st = cx[cxi];
                            int q = st & MqDecoder.QE;
                            long qc = (long) q << 32;
                            long mpsC = c - qc;
                            long lpsPath = mpsC >> 63;
                            int mpsA = a - q;
                            int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
                            negative = (st ^ lps) & 1;
                            a = mpsA + ((q - mpsA) & (int) lpsPath);
                            c = mpsC + (qc & lpsPath);
                            int sh = Integer.numberOfLeadingZeros(a) - 1;
                            cx[cxi] = MqDecoder.STEP[(st & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
                            a <<= sh;
                            c <<= sh;
                            if ((int) c == 0) {
                                c = mq.refill(c);
                            }
                        }
                        negative ^= sc & 1;
                        col |= 1 << (r + 1) | negative << (NEG_SHIFT + r + 1);
                        nb |= 16 << (3 * r);
                        spread(k, s, k - row, r, negative);
                        mag[k << 2 | r] = set | negative << 31;
                    }
                }
                wd[k] = col & ~VISIT_ALL;
            }
        }
        mq.a = a;
        mq.c = c;
    }

    private void significanceRaw(int plane) {
        System.arraycopy(own, 0, refine, 0, stripes + 2);
        Arrays.fill(done, 0, stripes + 2, 0);
        int set = (1 << plane) | (1 << plane >> 1);
        int[] wd = words;
        int[] mag = magnitudes;
        for (int s = 0; s < stripes; s++) {
            int rows = Math.min(4, height - 4 * s);
            int k = (s + 1) * stride + 1;
            int w = 0;
            int c = wd[k];
            for (int x = 0; x < width; x++, k++) {
                int e = wd[k + 1];
                if (((w | c | e) & SIG6) != 0) {
                    for (int r = 0; r < rows; r++) {
                        if ((c >> (r + 1) & 1) != 0) {
                            continue;
                        }
                        int n = (w >> r & 7) | (c >> r & 5) << 3 | (e >> r & 7) << 6;
                        if (n == 0) {
                            continue;
                        }
                        c |= 1 << (VISIT_SHIFT + r);
                        if (mq.raw() != 0) {
                            int negative = mq.raw();
                            c |= 1 << (r + 1) | negative << (NEG_SHIFT + r + 1);
                            spread(k, s, x, r, negative);
                            mag[k << 2 | r] = set | negative << 31;
                        }
                    }
                    wd[k] = c;
                }
                w = c;
                c = e;
            }
        }
    }

    private void refinementRaw(int plane) {
        int half = 1 << plane >> 1;
        int[] wd = words;
        int[] mag = magnitudes;
        for (int s = 0; s < stripes; s++) {
            int rows = Math.min(4, height - 4 * s);
            int k = (s + 1) * stride + 1;
            for (int x = 0; x < width; x++, k++) {
                int c = wd[k];
                if ((c & 0x1e) == 0) {
                    continue;
                }
                for (int r = 0; r < rows; r++) {
                    if ((c >> (r + 1) & 1) == 0 || (c >> (VISIT_SHIFT + r) & 1) != 0) {
                        continue;
                    }
                    int bit = mq.raw();
                    int i = k << 2 | r;
                    mag[i] = (mag[i] ^ (bit ^ 1) << plane) | half;
                    c |= 1 << (REFINED_SHIFT + r);
                }
                wd[k] = c;
            }
        }
    }
}
