package org.gsweather.grib2;

/**
 * The MQ arithmetic decoder of JPEG 2000 (ISO/IEC 15444-1 Annex C, software conventions of C.3), and
 * the raw bit reader of the arithmetic coding bypass (D.6). A context's state is {@code 2 * index +
 * MPS} into Table C.2.
 */
final class MqDecoder {
    /** Qe of Table C.2, for each state (index, MPS). */
    private static final int[] QE = new int[94];
    /** State after an MPS renormalization, and after an LPS (with the MPS switched where C.2 says). */
    private static final int[] NEXT_MPS = new int[94];

    private static final int[] NEXT_LPS = new int[94];

    static {
        int[] qe = {
            0x5601, 0x3401, 0x1801, 0x0AC1, 0x0521, 0x0221, 0x5601, 0x5401, 0x4801, 0x3801, 0x3001, 0x2401,
            0x1C01, 0x1601, 0x5601, 0x5401, 0x5101, 0x4801, 0x3801, 0x3401, 0x3001, 0x2801, 0x2401, 0x2201,
            0x1C01, 0x1801, 0x1601, 0x1401, 0x1201, 0x1101, 0x0AC1, 0x09C1, 0x08A1, 0x0521, 0x0441, 0x02A1,
            0x0221, 0x0141, 0x0111, 0x0085, 0x0049, 0x0025, 0x0015, 0x0009, 0x0005, 0x0001, 0x5601
        };
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
                int s = 2 * i + mps;
                QE[s] = qe[i];
                NEXT_MPS[s] = 2 * nmps[i] + mps;
                NEXT_LPS[s] = 2 * nlps[i] + (switches ? 1 - mps : mps);
            }
        }
    }

    /** Context states, set by the code-block decoder. */
    final int[] contexts;

    private byte[] buf;
    private int pos;
    private int end;
    private int a;
    private int c;
    private int ct;

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
        int qe = QE[s];
        int d;
        a -= qe;
        if ((c >>> 16) < qe) {
            if (a < qe) {
                d = s & 1;
                contexts[cx] = NEXT_MPS[s];
            } else {
                d = 1 - (s & 1);
                contexts[cx] = NEXT_LPS[s];
            }
            a = qe;
        } else {
            c -= qe << 16;
            if ((a & 0x8000) != 0) {
                return s & 1;
            }
            if (a < qe) {
                d = 1 - (s & 1);
                contexts[cx] = NEXT_LPS[s];
            } else {
                d = s & 1;
                contexts[cx] = NEXT_MPS[s];
            }
        }
        renormalize();
        return d;
    }

    private void renormalize() {
        int shift = Integer.numberOfLeadingZeros(a) - 16;
        while (shift > ct) {
            a <<= ct;
            c <<= ct;
            shift -= ct;
            ct = 0;
            byteIn();
        }
        a <<= shift;
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
