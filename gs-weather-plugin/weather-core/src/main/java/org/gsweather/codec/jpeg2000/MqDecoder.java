package org.gsweather.codec.jpeg2000;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The MQ arithmetic decoder of JPEG 2000 (ISO/IEC 15444-1 Annex C, software conventions of C.3), and
 * the raw bit reader of the arithmetic coding bypass (D.6). A context's state is {@code 2 * index +
 * MPS} into Table C.2.
 */
final class MqDecoder {
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /**
     * A context's state packs Qe of Table C.2 (bits 15-30, so that {@code state & QE} lines up with A),
     * the index into the table (bits 1-6) and the MPS (bit 0); these give the state after an MPS or LPS
     * renormalization by the low 7 bits.
     */
    static final int[] NEXT_MPS = new int[94];

    static final int[] NEXT_LPS = new int[94];
    /** {@code NEXT[2 * (state & 127) + lps]}: the state after an MPS (lps 0) or LPS (lps 1) renormalization. */
    static final int[] NEXT = new int[188];

    /**
     * {@code STEP[(state & 127) << 2 | lps + renormalized]}: the state after a decision, the same
     * without renormalization, else as {@link #NEXT}.
     */
    static final int[] STEP = new int[512];

    /** Qe of a state, shifted as A. */
    static final int QE = 0xffff << 15;

    private static final int[] QE_TABLE = {
        0x5601, 0x3401, 0x1801, 0x0AC1, 0x0521, 0x0221, 0x5601, 0x5401, 0x4801, 0x3801, 0x3001, 0x2401, 0x1C01,
        0x1601, 0x5601, 0x5401, 0x5101, 0x4801, 0x3801, 0x3401, 0x3001, 0x2801, 0x2401, 0x2201, 0x1C01, 0x1801,
        0x1601, 0x1401, 0x1201, 0x1101, 0x0AC1, 0x09C1, 0x08A1, 0x0521, 0x0441, 0x02A1, 0x0221, 0x0141, 0x0111,
        0x0085, 0x0049, 0x0025, 0x0015, 0x0009, 0x0005, 0x0001, 0x5601
    };

    static {
        int[] nmps = {
            1, 2, 3, 4, 5, 38, 7, 8, 9, 10, 11, 12, 13, 29, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 45, 46
        };
        int[] nlps = {
            1, 6, 9, 12, 29, 33, 6, 14, 14, 14, 17, 18, 20, 21, 14, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 23, 24, 25,
            26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 46
        };
        for (int i = 0; i < 47; i++) {
            boolean switches = i == 0 || i == 6 || i == 14;
            for (int mps = 0; mps < 2; mps++) {
                NEXT_MPS[2 * i + mps] = state(nmps[i], mps);
                NEXT_LPS[2 * i + mps] = state(nlps[i], switches ? 1 - mps : mps);
                NEXT[4 * i + 2 * mps] = NEXT_MPS[2 * i + mps];
                NEXT[4 * i + 2 * mps + 1] = NEXT_LPS[2 * i + mps];
                int at = (2 * i + mps) << 2;
                STEP[at] = state(i, mps);
                STEP[at + 1] = NEXT_MPS[2 * i + mps];
                STEP[at + 2] = NEXT_LPS[2 * i + mps];
                STEP[at + 3] = NEXT_LPS[2 * i + mps];
            }
        }
    }

    /** The packed state of Table C.2 index {@code index} with MPS {@code mps}. */
    static int state(int index, int mps) {
        return QE_TABLE[index] << 15 | index << 1 | mps;
    }

    /** Context states, set by the code-block decoder. */
    final int[] contexts;

    /**
     * Register A, shifted left by 15: positive, renormalized by its leading zeros but one, compared with
     * {@code state & QE} directly.
     */
    int a;
    /**
     * Register C, its high half (CHIGH, compared with Qe) in bits 47-62, so that {@code C - (state & QE)
     * << 32} is negative where CHIGH < Qe (CHIGH < A <= 0xFFFF leaves bit 63 0, except after a corrupt 0xFF
     * 0x80..0x8F pair); below it the bits of the code stream read ahead, then a 1 bit (the lowest set bit)
     * that marks where they end. When the low 32 bits are 0, fewer than 15 bits are left: {@link
     * #refill}. {@link CodeBlockDecoder} keeps A and C in local variables for the length of a pass,
     * decoding inline, as OpenJPEG does with its macros.
     */
    long c;

    /**
     * The segment's bits without the stuffed ones (C.3.4 BYTEIN), 32 a word, each {@code word << 1 | 1}
     * (with the marker bit that follows them in C); then a word of 1s, which stands for all after.
     */
    private long[] bits = new long[64];

    private int words;
    private int next;
    /** 1 if a carry went out of the front of the bits (only in a corrupt segment). */
    private int carryOut;

    // raw bits (D.6)
    private byte[] buf;
    private int pos;
    private int end;
    private int rawByte;
    private int rawBits;

    MqDecoder(int contextCount) {
        contexts = new int[contextCount];
    }

    /** INITDEC over {@code data[start..stop)}; past the end the decoder reads 0xFF, as at a marker. */
    void start(byte[] data, int start, int stop) {
        unstuff(data, start, stop);
        next = 0;
        // INITDEC leaves the first octet in bits 23-30 of a 32-bit C (C.3.5), here 54-61
        c = (long) carryOut << 62 | nextWord() << 29;
        a = 0x8000 << 15;
    }

    /**
     * The octets of a segment as the bits BYTEIN (C.3.4) feeds C: 8 an octet, 7 after 0xFF (added to
     * C, so that the high bit of the octet carries into the bit before), and from a marker (0xFF then
     * more than 0x8F) or the end of the segment on, 1s.
     */
    private void unstuff(byte[] data, int start, int stop) {
        int capacity = (stop - start) / 4 + 3;
        if (bits.length < capacity) {
            bits = new long[Math.max(capacity, 2 * bits.length)];
        }
        long[] out = bits;
        int n = 0;
        long acc = 0;
        int held = 0;
        int previous = 0;
        carryOut = 0;
        for (int p = start; p < stop; p++) {
            if (previous != 0xff && p + 4 <= stop) {
                int word = (int) INT_BE.get(data, p);
                if (((~word - 0x01010101) & word & 0x80808080) == 0) {
                    // four octets, none of them 0xFF: 32 bits as they are
                    acc = acc << 32 | (word & 0xffffffffL);
                    out[n++] = (acc >>> held) << 1 | 1;
                    acc &= (1L << held) - 1;
                    previous = word & 0xff;
                    p += 3;
                    continue;
                }
            }
            int b = data[p] & 0xff;
            if (previous == 0xff) {
                if (b > 0x8f) {
                    break;
                }
                acc = (acc << 7) + b;
                held += 7;
                if (acc >>> held != 0) {
                    acc &= (1L << held) - 1;
                    carry(out, n);
                }
            } else {
                acc = acc << 8 | b;
                held += 8;
            }
            previous = b;
            if (held >= 32) {
                held -= 32;
                out[n++] = (acc >>> held) << 1 | 1;
                acc &= (1L << held) - 1;
            }
        }
        if (held > 0) {
            out[n++] = (acc << (32 - held) | 0xffffffffL >>> held) << 1 | 1;
        }
        out[n] = 0x1ffffffffL;
        words = n;
    }

    /** Adds 1 to the last of the {@code n} words (a carry out of the bits after them). */
    private void carry(long[] out, int n) {
        int i = n - 1;
        while (i >= 0 && (out[i] += 2) >>> 33 != 0) {
            out[i] &= 0x1ffffffffL;
            i--;
        }
        if (i < 0) {
            carryOut = 1;
        }
    }

    /**
     * C with 32 more bits after the ones it holds (its low 32 bits are 0). Small enough for the JIT to
     * inline where the code-block decoder calls it, so that the registers of a pass stay registers.
     */
    long refill(long c) {
        int end = Long.numberOfTrailingZeros(c);
        return c - (1L << end) + (nextWord() << (end - 32));
    }

    private long nextWord() {
        long word = bits[next];
        next = Math.min(next + 1, words);
        return word;
    }

    /**
     * DECODE (C.3.2) of one decision in context {@code cx}, without branches: the decisions made here (the
     * two uniform ones and the sign after an interrupted run, the segmentation symbol) are close to even.
     */
    int decode(int cx) {
        int s = contexts[cx];
        int q = s & QE;
        long qc = (long) q << 32;
        long mpsC = c - qc;
        long lpsPath = mpsC >> 63;
        int mpsA = a - q;
        // LPS or MPS path, conditional exchange (LPS_EXCHANGE, MPS_EXCHANGE), renormalization
        int lps = ((int) lpsPath ^ (mpsA - q) >> 31) & 1;
        a = mpsA + ((q - mpsA) & (int) lpsPath);
        c = mpsC + (qc & lpsPath);
        contexts[cx] = STEP[(s & 127) << 2 | lps + ((a - (1 << 30)) >>> 31)];
        int shift = Integer.numberOfLeadingZeros(a) - 1;
        a <<= shift;
        c <<= shift;
        if ((int) c == 0) {
            c = refill(c);
        }
        return (s ^ lps) & 1;
    }

    /** Starts reading raw bits (arithmetic coding bypass) from {@code data[start..stop)}. */
    void startRaw(byte[] data, int start, int stop) {
        buf = data;
        pos = start;
        end = stop;
        rawByte = 0;
        rawBits = 0;
    }

    /** One raw bit (D.6); a byte after 0xFF holds 7 bits; past the end every bit is 1. */
    int raw() {
        if (rawBits == 0) {
            int stuffed = rawByte == 0xff ? 1 : 0;
            rawByte = pos < end ? buf[pos++] & 0xff : 0xff;
            rawBits = 8 - stuffed;
        }
        rawBits--;
        return (rawByte >>> rawBits) & 1;
    }
}
