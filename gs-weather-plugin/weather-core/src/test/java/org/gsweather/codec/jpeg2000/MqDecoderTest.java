package org.gsweather.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link MqDecoder} against the decoder of ISO/IEC 15444-1 Annex C as its flowcharts draw it (C.3.2
 * DECODE, C.3.3 RENORMD, C.3.4 BYTEIN, C.3.5 INITDEC): a 32-bit C register, a bit counter CT, octets read
 * one at a time. Segments are random, with many 0xFF octets (each followed by a stuffed 0 bit) and markers
 * (0xFF then more than 0x8F), at every alignment, and lie inside a larger array whose octets around them
 * must not count.
 */
class MqDecoderTest {
    /** Table C.2: Qe, NMPS, NLPS, SWITCH. */
    private static final int[] QE = {
        0x5601, 0x3401, 0x1801, 0x0AC1, 0x0521, 0x0221, 0x5601, 0x5401, 0x4801, 0x3801, 0x3001, 0x2401, 0x1C01,
        0x1601, 0x5601, 0x5401, 0x5101, 0x4801, 0x3801, 0x3401, 0x3001, 0x2801, 0x2401, 0x2201, 0x1C01, 0x1801,
        0x1601, 0x1401, 0x1201, 0x1101, 0x0AC1, 0x09C1, 0x08A1, 0x0521, 0x0441, 0x02A1, 0x0221, 0x0141, 0x0111,
        0x0085, 0x0049, 0x0025, 0x0015, 0x0009, 0x0005, 0x0001, 0x5601
    };

    private static final int[] NMPS = {
        1, 2, 3, 4, 5, 38, 7, 8, 9, 10, 11, 12, 13, 29, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 45, 46
    };
    private static final int[] NLPS = {
        1, 6, 9, 12, 29, 33, 6, 14, 14, 14, 17, 18, 20, 21, 14, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 23, 24, 25, 26,
        27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 46
    };

    /** The decoder of the flowcharts; past the end of its segment it reads 0xFF. */
    private static final class Reference {
        private final byte[] data;
        private final int stop;
        private final int[] index;
        private final int[] mps;
        private int bp;
        private int c;
        private int a;
        private int ct;

        Reference(byte[] data, int start, int stop, int[] index, int[] mps) {
            this.data = data;
            this.stop = stop;
            this.index = index;
            this.mps = mps;
            bp = start;
            c = octet(bp) << 16;
            byteIn();
            c <<= 7;
            ct -= 7;
            a = 0x8000;
        }

        private int octet(int at) {
            return at < stop ? data[at] & 0xff : 0xff;
        }

        private void byteIn() {
            if (octet(bp) == 0xff) {
                if (octet(bp + 1) > 0x8f) {
                    c += 0xff00;
                    ct = 8;
                } else {
                    bp++;
                    c += octet(bp) << 9;
                    ct = 7;
                }
            } else {
                bp++;
                c += octet(bp) << 8;
                ct = 8;
            }
        }

        private void renormalize() {
            do {
                if (ct == 0) {
                    byteIn();
                }
                a <<= 1;
                c <<= 1;
                ct--;
            } while ((a & 0x8000) == 0);
        }

        int decode(int cx) {
            int i = index[cx];
            int qe = QE[i];
            int d;
            a -= qe;
            if (c >>> 16 < qe) {
                if (a < qe) {
                    d = mps[cx];
                    index[cx] = NMPS[i];
                } else {
                    d = 1 - mps[cx];
                    lps(cx, i);
                }
                a = qe;
                renormalize();
            } else {
                c -= qe << 16;
                if ((a & 0x8000) == 0) {
                    if (a < qe) {
                        d = 1 - mps[cx];
                        lps(cx, i);
                    } else {
                        d = mps[cx];
                        index[cx] = NMPS[i];
                    }
                    renormalize();
                } else {
                    d = mps[cx];
                }
            }
            return d;
        }

        private void lps(int cx, int i) {
            if (i == 0 || i == 6 || i == 14) {
                mps[cx] = 1 - mps[cx];
            }
            index[cx] = NLPS[i];
        }
    }

    @Test
    void decidesAsTheFlowchartsOnSegmentsFullOfStuffingAndMarkers() {
        Random random = new Random(15444);
        int contexts = 19;
        for (int trial = 0; trial < 3000; trial++) {
            int length = 1 + random.nextInt(trial % 10 == 0 ? 400 : 40);
            int start = random.nextInt(5);
            byte[] data = new byte[start + length + random.nextInt(5)];
            int ffPercent = random.nextInt(60);
            for (int p = 0; p < data.length; p++) {
                int r = random.nextInt(100);
                boolean afterFf = p > 0 && data[p - 1] == (byte) 0xff;
                if (r < ffPercent) {
                    data[p] = (byte) 0xff;
                } else if (afterFf && r < ffPercent + 5) {
                    data[p] = (byte) (0x90 + random.nextInt(0x70)); // a marker
                } else if (afterFf) {
                    data[p] = (byte) random.nextInt(0x80); // an encoder stuffs a 0 bit after 0xFF
                } else {
                    data[p] = (byte) random.nextInt(256);
                }
            }
            int stop = start + length;
            int[] index = new int[contexts];
            int[] mps = new int[contexts];
            MqDecoder mq = new MqDecoder(contexts);
            for (int cx = 0; cx < contexts; cx++) {
                index[cx] = random.nextInt(47);
                mps[cx] = random.nextInt(2);
                mq.contexts[cx] = MqDecoder.state(index[cx], mps[cx]);
            }
            Reference reference = new Reference(data, start, stop, index, mps);
            mq.start(data, start, stop);
            int decisions = 8 * length + 64;
            for (int k = 0; k < decisions; k++) {
                // runs of one context, as the passes make them, and contexts in turn
                int cx = random.nextInt(4) == 0 ? random.nextInt(contexts) : k % 3;
                int expected = reference.decode(cx);
                assertThat(mq.decode(cx))
                        .as("trial %d (%d octets from %d), decision %d in context %d", trial, length, start, k, cx)
                        .isEqualTo(expected);
            }
        }
    }
}
