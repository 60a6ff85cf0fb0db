package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gsweather.field.DecodePool;
import org.gsweather.field.Missing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates 5.2 and 5.3 on fields written here, for what the real files lack: secondary missing values
 * (missing value management 2), missing values first (so that the values given in section 7 come late),
 * groups of one value and constant groups. Each is decoded on the calling thread and by pools whose
 * parts are as small as one value, and must give the values it was written from.
 */
class ComplexPackingTest {
    private static final List<DecodePool> POOLS = List.of(DecodePool.create(2, 1), DecodePool.create(3, 7));
    private static final Scaling SCALING = new Scaling(2731.5f, -2, 1);
    private static final long PRIMARY = Long.MIN_VALUE;
    private static final long SECONDARY = Long.MIN_VALUE + 1;

    @AfterAll
    static void closePools() {
        POOLS.forEach(DecodePool::close);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int management = 0; management <= 2; management++) {
            for (int order = 0; order <= 2; order++) {
                for (int seed = 0; seed < 4; seed++) {
                    cases.add(Arguments.of(management, order, seed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "missing management {0}, order {1}, seed {2}")
    @MethodSource("cases")
    void decodesWhatWasWritten(int management, int order, int seed) throws Exception {
        Random random = new Random(100 * management + 10 * order + seed);
        long[] x = field(random, 3000 + random.nextInt(3000), management, seed == 0);
        Written w = write(x, order, management, random);
        float[] expected = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            expected[k] = x[k] == PRIMARY
                    ? Missing.VALUE
                    : x[k] == SECONDARY ? Missing.SECONDARY : (float) (((int) x[k] * 0.25 + 2731.5f) * 0.1);
        }
        float[] sequential = new float[x.length];
        w.packing.unpack(ByteBuffer.wrap(w.section7), x.length, sequential);
        assertSameBits(sequential, expected, "sequential");
        for (DecodePool pool : POOLS) {
            float[] parallel = new float[x.length];
            w.packing.unpack(ByteBuffer.wrap(w.section7), x.length, parallel, new Unpacking(List.of(), pool));
            assertSameBits(parallel, expected, "parallelism " + pool.parallelism());
        }
    }

    /** A smooth field with runs of missing values (at the start when asked), primary and secondary. */
    private static long[] field(Random random, int n, int management, boolean missingFirst) {
        long[] x = new long[n];
        double phase = random.nextDouble() * 10;
        for (int k = 0; k < n; k++) {
            x[k] = 5000 + Math.round(3000 * Math.sin(phase + k / 150.0) + random.nextGaussian() * 20);
        }
        if (management > 0) {
            int runs = 5 + random.nextInt(10);
            for (int r = 0; r < runs; r++) {
                int start = r == 0 && missingFirst ? 0 : random.nextInt(n);
                int length = 1 + random.nextInt(r % 3 == 0 ? 400 : 3);
                long code = management == 2 && random.nextBoolean() ? SECONDARY : PRIMARY;
                for (int k = start; k < Math.min(n, start + length); k++) {
                    x[k] = code;
                }
            }
        }
        return x;
    }

    record Written(ComplexPacking packing, byte[] section7) {}

    /**
     * Writes {@code x} as template 5.3 ({@code order} 1 or 2) or 5.2 (order 0), in groups of random
     * lengths (1 to 60 values, a few of them constant), 2-octet extra descriptors.
     */
    private static Written write(long[] x, int order, int management, Random random) {
        int n = x.length;
        long[] valid =
                Arrays.stream(x).filter(v -> v != PRIMARY && v != SECONDARY).toArray();
        long[] diff = new long[valid.length];
        for (int k = 0; k < valid.length; k++) {
            diff[k] = k < order
                    ? 0
                    : order == 0
                            ? valid[k]
                            : order == 1 ? valid[k] - valid[k - 1] : valid[k] - 2 * valid[k - 1] + valid[k - 2];
        }
        long minimum = Long.MAX_VALUE;
        for (int k = order; k < valid.length; k++) {
            minimum = Math.min(minimum, diff[k]);
        }
        if (minimum == Long.MAX_VALUE || order == 0) {
            minimum = 0;
        }
        // the increments e = d - minimum at every position; the given values' are packed as 0
        long[] e = new long[n];
        for (int k = 0, v = 0; k < n; k++) {
            if (x[k] != PRIMARY && x[k] != SECONDARY) {
                e[k] = v < order ? 0 : diff[v] - minimum;
                v++;
            }
        }
        List<int[]> groups = new ArrayList<>(); // {start, length}
        for (int k = 0; k < n; ) {
            int length = Math.min(n - k, random.nextInt(8) == 0 ? 1 : 1 + random.nextInt(60));
            groups.add(new int[] {k, length});
            k += length;
        }
        int refBits = 16;
        int allOnes = (1 << refBits) - 1;
        int ng = groups.size();
        long[] refs = new long[ng];
        int[] widths = new int[ng];
        for (int g = 0; g < ng; g++) {
            int start = groups.get(g)[0];
            int length = groups.get(g)[1];
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            boolean primary = false;
            boolean secondary = false;
            for (int k = start; k < start + length; k++) {
                if (x[k] == PRIMARY) {
                    primary = true;
                } else if (x[k] == SECONDARY) {
                    secondary = true;
                } else {
                    lo = Math.min(lo, e[k]);
                    hi = Math.max(hi, e[k]);
                }
            }
            if (lo == Long.MAX_VALUE) { // nothing but missing values
                if (!secondary) {
                    refs[g] = allOnes;
                } else if (!primary) {
                    refs[g] = allOnes - 1;
                } else {
                    refs[g] = 0;
                    widths[g] = 2;
                }
                continue;
            }
            refs[g] = lo;
            if (hi == lo && !primary && !secondary) {
                widths[g] = 0; // a constant group
            } else {
                // with missing value management 1 (2), the highest code (two codes) of a width are not values
                long range = hi - lo + management;
                widths[g] = Math.max(1, 64 - Long.numberOfLeadingZeros(range));
            }
        }
        BitWriter bits = new BitWriter();
        int extra = 2;
        long ival1 = order > 0 && valid.length > 0 ? valid[0] : 0;
        long ival2 = order > 1 && valid.length > 1 ? valid[1] : 0;
        if (order > 0) {
            bits.signMagnitude(ival1, 8 * extra);
            if (order == 2) {
                bits.signMagnitude(ival2, 8 * extra);
            }
            bits.signMagnitude(minimum, 8 * extra);
        }
        for (long r : refs) {
            bits.put(r, refBits);
        }
        bits.align();
        for (int w : widths) {
            bits.put(w, 6);
        }
        bits.align();
        for (int g = 0; g < ng; g++) {
            bits.put(groups.get(g)[1] - 1, 8); // length reference 1, increment 1
        }
        bits.align();
        for (int g = 0; g < ng; g++) {
            int w = widths[g];
            if (w == 0) {
                continue;
            }
            long primaryCode = (1L << w) - 1;
            for (int k = groups.get(g)[0]; k < groups.get(g)[0] + groups.get(g)[1]; k++) {
                long packed = x[k] == PRIMARY ? primaryCode : x[k] == SECONDARY ? primaryCode - 1 : e[k] - refs[g];
                bits.put(packed, w);
            }
        }
        bits.align();
        ComplexPacking packing = new ComplexPacking(
                SCALING, refBits, management, ng, 0, 6, 1, 1, groups.get(ng - 1)[1], 8, order, order > 0 ? extra : 0);
        return new Written(packing, bits.bytes());
    }

    /** Big-endian bit fields, as GRIB2 packs them. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int filled;

        void put(long value, int width) {
            for (int b = width - 1; b >= 0; b--) {
                buffer = buffer << 1 | (value >>> b & 1);
                if (++filled == 8) {
                    out.write((int) buffer);
                    buffer = 0;
                    filled = 0;
                }
            }
        }

        void signMagnitude(long value, int width) {
            put(value < 0 ? 1L << (width - 1) | -value : value, width);
        }

        void align() {
            while (filled != 0) {
                put(0, 1);
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static void assertSameBits(float[] actual, float[] expected, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.floatToRawIntBits(actual[i]))
                    .as("%s: value %d is %s, expected %s", what, i, actual[i], expected[i])
                    .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
    }
}
