package org.gsweather.codec.jpeg2000;

/**
 * The MQ arithmetic decoder of JPEG 2000 (ISO/IEC 15444-1 Annex C, software conventions of C.3), and
 * the raw bit reader of the arithmetic coding bypass (D.6). A context's state is {@code 2 * index +
 * MPS} into Table C.2.
 */
final class MqDecoder {
    /**
     * A context's state packs Qe of Table C.2 (bits 7 and up), the index into the table (bits 1-6) and the
     * MPS (bit 0); these give the state after an MPS or LPS renormalization by the low 7 bits.
     */
    static final int[] NEXT_MPS = new int[94];

    static final int[] NEXT_LPS = new int[94];
    /** {@code NEXT[2 * (state & 127) + lps]}: the state after an MPS (lps 0) or LPS (lps 1) renormalization. */
    static final int[] NEXT = new int[188];

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
            }
        }
    }

    /** The packed state of Table C.2 index {@code index} with MPS {@code mps}. */
    static int state(int index, int mps) {
        return QE_TABLE[index] << 7 | index << 1 | mps;
    }

    /** Context states, set by the code-block decoder. */
    final int[] contexts;

    private byte[] buf;
    private int pos;
    private int end;
    /**
     * Registers A, C and CT, which {@link CodeBlockDecoder} copies into local variables for the length
     * of a pass, decoding inline, and calls {@link #fill} to shift C past the bits it holds.
     */
    int a;

    int c;
    int ct;

    MqDecoder(int contextCount) {
        contexts = new int[contextCount];
    }

    /** INITDEC over {@code buf[start..end)}; past the end the decoder reads 0xFF, as at a marker. */
    void start(byte[] data, int start, int stop) {
        buf = data;
        pos = start;
        end = stop;
        c = (start < stop ? data[start] & 0xff : 0xff) << 16;
        byteIn();
        c <<= 7;
        ct -= 7;
        a = 0x8000;
    }

    private void byteIn() {
        int p = pos;
        if (p < end && buf[p] == (byte) 0xff) {
            int next = p + 1 < end ? buf[p + 1] & 0xff : 0xff;
            if (next > 0x8f) {
                c += 0xff00;
                ct = 8;
            } else {
                pos = p + 1;
                c += next << 9;
                ct = 7;
            }
        } else if (p < end) {
            int next = p + 1 < end ? buf[p + 1] & 0xff : 0xff;
            pos = p + 1;
            c += next << 8;
            ct = 8;
        } else {
            c += 0xff00;
            ct = 8;
        }
    }

    /** DECODE (C.3.2) of one decision in context {@code cx}. */
    int decode(int cx) {
        int s = contexts[cx];
        int qe = s >>> 7;
        a -= qe;
        if ((((c >>> 16) - qe) | (a - 0x8000)) >= 0) {
            c -= qe << 16;
            return s & 1;
        }
        int lps;
        if ((c >>> 16) < qe) {
            lps = a < qe ? 0 : 1;
            a = qe;
        } else {
            c -= qe << 16;
            lps = a < qe ? 1 : 0;
        }
        contexts[cx] = lps != 0 ? NEXT_LPS[s & 127] : NEXT_MPS[s & 127];
        renormalize();
        return (s & 1) ^ lps;
    }

    private void renormalize() {
        int shift = Integer.numberOfLeadingZeros(a) - 16;
        a <<= shift;
        fill(shift);
    }

    /** Shifts C left by {@code shift} bits, reading bytes as CT runs out (RENORMD without A). */
    void fill(int shift) {
        while (shift > ct) {
            c <<= ct;
            shift -= ct;
            ct = 0;
            byteIn();
        }
        c <<= shift;
        ct -= shift;
    }

    /** Starts reading raw bits (arithmetic coding bypass) from {@code buf[start..end)}. */
    void startRaw(byte[] data, int start, int stop) {
        buf = data;
        pos = start;
        end = stop;
        c = 0;
        ct = 0;
    }

    /** One raw bit (D.6); a byte after 0xFF holds 7 bits; past the end every bit is 1. */
    int raw() {
        if (ct == 0) {
            int stuffed = c == 0xff ? 1 : 0;
            c = pos < end ? buf[pos++] & 0xff : 0xff;
            ct = 8 - stuffed;
        }
        ct--;
        return (c >>> ct) & 1;
    }
}
