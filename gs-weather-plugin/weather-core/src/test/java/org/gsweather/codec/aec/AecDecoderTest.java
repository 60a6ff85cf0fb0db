package org.gsweather.codec.aec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.gsweather.codec.aec.AecDecoder.MSB;
import static org.gsweather.codec.aec.AecDecoder.NO_COMPRESSION;
import static org.gsweather.codec.aec.AecDecoder.PAD_RSI;
import static org.gsweather.codec.aec.AecDecoder.PREPROCESS;
import static org.gsweather.codec.aec.AecDecoder.REMAINDER_OF_SEGMENT;
import static org.gsweather.codec.aec.AecDecoder.RESTRICTED;
import static org.gsweather.codec.aec.AecDecoder.SECOND_EXTENSION;
import static org.gsweather.codec.aec.AecDecoder.SIGNED;
import static org.gsweather.codec.aec.AecDecoder.SPLIT;
import static org.gsweather.codec.aec.AecDecoder.THREE_BYTE;
import static org.gsweather.codec.aec.AecDecoder.ZERO_BLOCKS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gsweather.field.DataFormatException;
import org.gsweather.testing.Grib2Walker;
import org.gsweather.testing.GribSet;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips through libaec's encoder ({@code aec}): every decoded sample must be the one encoded. */
class AecDecoderTest {

    record Setup(int bits, int flags, int blockSize, int rsi) {
        boolean signed() {
            return (flags & SIGNED) != 0;
        }

        boolean preprocessed() {
            return (flags & PREPROCESS) != 0;
        }

        int idLength() {
            return bits > 16 ? 5 : bits > 8 ? 4 : (flags & RESTRICTED) == 0 ? 3 : bits <= 2 ? 1 : 2;
        }

        @Override
        public String toString() {
            return bits + " bits, J=" + blockSize + ", r=" + rsi + ", flags " + flags + " ("
                    + (preprocessed() ? "pp" : "raw") + (signed() ? " signed" : "")
                    + ((flags & RESTRICTED) != 0 ? " restricted" : "") + ((flags & THREE_BYTE) != 0 ? " 3-byte" : "")
                    + ((flags & MSB) != 0 ? " msb" : "") + ")";
        }
    }

    static Stream<Setup> setups() {
        List<Setup> s = new ArrayList<>();
        int[] blockSizes = {8, 16, 32, 64};
        // small depths, with and without the restricted option set
        for (int bits : new int[] {1, 2, 3, 4}) {
            s.add(new Setup(bits, PREPROCESS, 16, 64));
            s.add(new Setup(bits, PREPROCESS | RESTRICTED, 8, 128));
            s.add(new Setup(bits, RESTRICTED, 32, 5));
        }
        s.add(new Setup(2, PREPROCESS | SIGNED | RESTRICTED, 64, 3));
        s.add(new Setup(5, PREPROCESS, 8, 70));
        s.add(new Setup(7, SIGNED, 16, 64));
        for (int j : blockSizes) {
            s.add(new Setup(8, PREPROCESS, j, 128));
            s.add(new Setup(8, 0, j, 2));
            s.add(new Setup(12, PREPROCESS | MSB | THREE_BYTE, j, 128));
            s.add(new Setup(16, PREPROCESS | MSB, j, 4096 / j));
        }
        s.add(new Setup(8, PREPROCESS | SIGNED, 32, 1));
        s.add(new Setup(12, PREPROCESS | SIGNED, 16, 7));
        s.add(new Setup(12, 0, 64, 1));
        s.add(new Setup(16, SIGNED, 64, 4096));
        s.add(new Setup(16, PREPROCESS | SIGNED | MSB, 8, 33));
        s.add(new Setup(17, PREPROCESS, 32, 128));
        s.add(new Setup(24, PREPROCESS | THREE_BYTE | MSB, 32, 128));
        s.add(new Setup(24, PREPROCESS | THREE_BYTE, 16, 9));
        s.add(new Setup(24, PREPROCESS, 64, 64));
        s.add(new Setup(24, THREE_BYTE | SIGNED, 8, 256));
        s.add(new Setup(24, PREPROCESS | SIGNED, 32, 100));
        s.add(new Setup(31, PREPROCESS, 16, 32));
        s.add(new Setup(32, PREPROCESS | MSB, 32, 128));
        s.add(new Setup(32, PREPROCESS | SIGNED, 64, 16));
        s.add(new Setup(32, 0, 8, 4));
        s.add(new Setup(32, SIGNED, 16, 300));
        return s.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void decodesEverySampleLibaecEncoded(Setup setup) throws DataFormatException {
        int n = 20_011 + Math.min(3 * setup.blockSize() * setup.rsi() / 2, 300_000);
        int[] samples = new Signals(
                        setup.bits(), setup.signed(), setup.preprocessed(), setup.blockSize(), setup.hashCode())
                .mixed(n);
        byte[] coded = AecTool.encode(samples, setup.bits(), setup.flags(), setup.blockSize(), setup.rsi());

        AecDecoder decoder = decoder(setup, coded, n);
        int[] decoded = new int[n];
        // uneven reads: single samples, partial blocks, then the rest at once
        int[] reads = {1, 1, 5, 300, 4097};
        int at = 0;
        for (int m : reads) {
            decoder.read(decoded, at, m);
            at += m;
        }
        decoder.read(decoded, at, n - at);
        assertSameSamples(decoded, samples, setup.toString());

        long[] options = decoder.optionCounts();
        assertThat(options[ZERO_BLOCKS]).as("zero-block runs").isPositive();
        assertThat(options[NO_COMPRESSION]).as("uncompressed blocks").isPositive();
        assertThat(options[SECOND_EXTENSION]
                        + IntStream.range(SPLIT, options.length)
                                .mapToLong(k -> options[k])
                                .sum())
                .as("second-extension and split blocks")
                .isPositive();
        if (setup.rsi() > 4) {
            assertThat(options[REMAINDER_OF_SEGMENT])
                    .as("runs to the end of a segment")
                    .isPositive();
        }
        if (setup.idLength() > 2) {
            assertThat(IntStream.range(SPLIT, options.length)
                            .filter(k -> options[k] > 0)
                            .count())
                    .as("distinct split positions k")
                    .isGreaterThanOrEqualTo(Math.min(3, setup.bits() - 1));
        }
    }

    @Test
    void usesEveryCodeOption() throws DataFormatException {
        Setup setup = new Setup(16, PREPROCESS | MSB, 32, 128);
        int n = 500_000;
        int[] samples = new Signals(16, false, true, 32, 42).mixed(n);
        AecDecoder decoder = decoder(setup, AecTool.encode(samples, 16, setup.flags(), 32, 128), n);
        int[] decoded = new int[n];
        decoder.read(decoded, 0, n);
        assertSameSamples(decoded, samples, setup.toString());
        long[] options = decoder.optionCounts();
        assertThat(options[ZERO_BLOCKS])
                .isGreaterThan(options[REMAINDER_OF_SEGMENT])
                .isGreaterThan(0);
        assertThat(options[SECOND_EXTENSION]).isPositive();
        assertThat(options[NO_COMPRESSION]).isPositive();
        for (int k = 0; k <= 10; k++) {
            assertThat(options[SPLIT + k]).as("blocks split at k=%d", k).isPositive();
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @MethodSource("depths")
    void decodesUniformNoiseAsUncompressedBlocks(int bits) throws DataFormatException {
        Setup setup = new Setup(bits, PREPROCESS, 16, 32);
        int n = 10_000;
        int[] samples = new Signals(bits, false, true, 16, bits).uniform(n);
        AecDecoder decoder = decoder(setup, AecTool.encode(samples, bits, setup.flags(), 16, 32), n);
        int[] decoded = new int[n];
        decoder.read(decoded, 0, n);
        assertSameSamples(decoded, samples, setup.toString());
        assertThat(decoder.optionCounts()[NO_COMPRESSION]).isGreaterThan(n / 16 / 2);
    }

    static IntStream depths() {
        return IntStream.rangeClosed(1, 32);
    }

    @Test
    void decodesConstantDataAsZeroBlockRuns() throws DataFormatException {
        for (int flags : new int[] {PREPROCESS, 0}) {
            Setup setup = new Setup(12, flags, 16, 200);
            int n = 16 * 200 * 3 + 5;
            int[] samples = new int[n];
            Arrays.fill(samples, flags == 0 ? 0 : 1234);
            AecDecoder decoder = decoder(setup, AecTool.encode(samples, 12, flags, 16, 200), n);
            int[] decoded = new int[n];
            decoder.read(decoded, 0, n);
            assertSameSamples(decoded, samples, setup.toString());
            long[] options = decoder.optionCounts();
            // each interval of 200 blocks: runs to the ends of segments 1-3 and of the interval; then one block
            assertThat(options[REMAINDER_OF_SEGMENT]).isEqualTo(4 * 3);
            assertThat(options[ZERO_BLOCKS]).isEqualTo(4 * 3 + 1);
        }
    }

    /**
     * libaec's encoder ignores {@link AecDecoder#PAD_RSI} unless built for it: a padded stream is the
     * concatenation of the intervals encoded one by one, each ending on a byte boundary. libaec's decoder
     * with the flag must agree before ours is checked against it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("paddedSetups")
    void decodesIntervalsPaddedToBytes(Setup setup) throws DataFormatException {
        int interval = setup.blockSize() * setup.rsi();
        int n = interval * 40 + 3;
        int[] samples = new Signals(setup.bits(), setup.signed(), setup.preprocessed(), setup.blockSize(), 7).mixed(n);
        int flags = setup.flags() & ~PAD_RSI;
        ByteArrayOutputStream coded = new ByteArrayOutputStream();
        for (int start = 0; start < n; start += interval) {
            int[] part = Arrays.copyOfRange(samples, start, Math.min(n, start + interval));
            coded.writeBytes(AecTool.encode(part, setup.bits(), flags, setup.blockSize(), setup.rsi()));
        }
        byte[] stream = coded.toByteArray();
        int[] libaec = AecTool.decode(stream, n, setup.bits(), setup.flags(), setup.blockSize(), setup.rsi());
        assertSameSamples(libaec, samples, "libaec on the padded stream");

        AecDecoder decoder = decoder(setup, stream, n);
        int[] decoded = new int[n];
        decoder.read(decoded, 0, n);
        assertSameSamples(decoded, samples, setup.toString());
    }

    static Stream<Setup> paddedSetups() {
        return Stream.of(
                new Setup(12, PREPROCESS | PAD_RSI | MSB, 16, 7),
                new Setup(5, PAD_RSI, 8, 3),
                new Setup(3, PREPROCESS | PAD_RSI | RESTRICTED, 32, 1),
                new Setup(24, PREPROCESS | PAD_RSI | SIGNED | THREE_BYTE, 32, 2),
                new Setup(32, PREPROCESS | PAD_RSI, 64, 70));
    }

    /** Hand-made streams: each option, the reference sample and both branches of the inverse mapping. */
    @Test
    void decodesHandMadeBlocksOfEachOption() throws DataFormatException {
        // 8-bit raw samples, J=8: an uncompressed block, a split block (k=2), a second-extension block and
        // a zero block; the ids are 3 bits long
        BitString b = new BitString().put(7, 3);
        for (int i = 0; i < 8; i++) {
            b.put(10 * i + 1, 8);
        }
        b.put(3, 3); // k = 2
        int[] split = {0, 1, 2, 3, 4, 5, 6, 31};
        for (int v : split) {
            b.fs(v >> 2);
        }
        for (int v : split) {
            b.put(v & 3, 2);
        }
        b.put(0, 3).put(1, 1); // second extension: pairs (0,0) (1,0) (0,1) (2,1) = codes 0, 1, 2, 7
        b.fs(0).fs(1).fs(2).fs(7);
        b.put(0, 3).put(0, 1).fs(0); // one zero block
        int[] x = decodeAll(8, 0, 8, 16, b.bytes(), 32);
        assertThat(x)
                .containsExactly(
                        1, 11, 21, 31, 41, 51, 61, 71, 0, 1, 2, 3, 4, 5, 6, 31, 0, 0, 1, 0, 0, 1, 2, 1, 0, 0, 0, 0, 0,
                        0, 0, 0);
    }

    @Test
    void invertsThePredictionErrorMapping() throws DataFormatException {
        // 4-bit samples predicted from the previous one, J=8, r=2: the first block has the reference 9,
        // the second none. Mapped errors within the nearer bound: even d is +d/2, odd d is -(d+1)/2.
        BitString b = new BitString().put(1, 3).put(9, 4); // k = 0 (fundamental sequence), reference
        for (int d : new int[] {2, 1, 4, 5, 0, 0, 0}) {
            b.fs(d); // +1, -1, +2, -3, 0...
        }
        // beyond the nearer bound the error is the distance from the farther one: from 11 (theta = 4),
        // d = 15 is 15 - 15 = 0; from 0 (theta = 0), d = 5 is 0 + 5
        b.put(7, 3); // uncompressed: 8 mapped errors of 4 bits
        for (int d : new int[] {6, 15, 5, 0, 0, 0, 0, 0}) {
            b.put(d, 4);
        }
        int[] x = decodeAll(4, AecDecoder.PREPROCESS, 8, 2, b.bytes(), 16);
        assertThat(x).containsExactly(9, 10, 9, 11, 8, 8, 8, 8, 11, 0, 5, 5, 5, 5, 5, 5);
    }

    @Test
    void decodesSecondExtensionPairs() throws DataFormatException {
        // long codes (beyond one 64-bit load): 90 = (0,12), 57 = (8,2), 78 = (12,0), 0 = (0,0)
        BitString b = new BitString().put(0, 3).put(1, 1).fs(90).fs(57).fs(78).fs(0);
        assertThat(decodeAll(8, 0, 8, 4, b.bytes(), 8)).containsExactly(0, 12, 8, 2, 12, 0, 0, 0);
        // with a reference sample (5) the first pair is (reference, d): code 5 = (0,2), d = 2 is +1
        b = new BitString().put(0, 3).put(1, 1).put(5, 4).fs(5).fs(0).fs(1).fs(2);
        assertThat(decodeAll(4, AecDecoder.PREPROCESS, 8, 1, b.bytes(), 8)).containsExactly(5, 6, 6, 6, 5, 5, 5, 4);
    }

    /**
     * A real field (NCEP GDAS 0.25 deg, 1 038 240 values as ecCodes decodes them) scaled to integers of
     * each depth, as a GRIB2 packer would.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("realSetups")
    void decodesRealFieldsScaledToIntegers(Setup setup) throws Exception {
        float[] values = gdasField();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double scale = (Math.pow(2, setup.bits()) - 1) / (max - min);
        int[] samples = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            long x = Math.round((values[i] - min) * scale);
            samples[i] = (int) (setup.signed() ? x - (1L << (setup.bits() - 1)) : x);
        }
        byte[] coded = AecTool.encode(samples, setup.bits(), setup.flags(), setup.blockSize(), setup.rsi());
        AecDecoder decoder = decoder(setup, coded, samples.length);
        int[] decoded = new int[samples.length];
        decoder.read(decoded, 0, decoded.length);
        assertSameSamples(decoded, samples, setup.toString());
    }

    static Stream<Setup> realSetups() {
        return Stream.of(
                new Setup(8, PREPROCESS, 32, 128),
                new Setup(12, PREPROCESS | MSB | THREE_BYTE, 32, 128),
                new Setup(16, PREPROCESS, 16, 64),
                new Setup(16, 0, 64, 8),
                new Setup(18, PREPROCESS | SIGNED, 8, 512),
                new Setup(24, PREPROCESS | THREE_BYTE | MSB, 32, 128),
                new Setup(24, PREPROCESS, 64, 4096),
                new Setup(32, PREPROCESS | MSB, 64, 32),
                new Setup(32, 0, 32, 128));
    }

    private static float[] gdas;

    private static synchronized float[] gdasField() throws IOException {
        if (gdas == null) {
            Tools.require("grib_set");
            Path file = GribSet.repack(
                    TestData.file("grib2/grib-rs/gdas.t12z.pgrb2.0p25.f000.12.xz"), "gdas-12.ieee.grib2", "grid_ieee");
            gdas = Grib2Walker.fields(file).get(0).ieee();
        }
        return gdas;
    }

    static int[] decodeAll(int bits, int flags, int blockSize, int rsi, ByteBuffer data, int count)
            throws DataFormatException {
        int[] out = new int[count];
        new AecDecoder(bits, flags, blockSize, rsi, data, count).read(out, 0, count);
        return out;
    }

    static AecDecoder decoder(Setup setup, byte[] coded, int n) throws DataFormatException {
        return new AecDecoder(setup.bits(), setup.flags(), setup.blockSize(), setup.rsi(), ByteBuffer.wrap(coded), n);
    }

    /** Fails at the first sample that differs, naming it. */
    static void assertSameSamples(int[] actual, int[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (actual[i] != expected[i]) {
                fail(what + ": sample " + i + " of " + expected.length + " is " + actual[i] + ", expected "
                        + expected[i] + "; around it: "
                        + Arrays.toString(
                                Arrays.copyOfRange(actual, Math.max(0, i - 3), Math.min(i + 4, actual.length)))
                        + " vs "
                        + Arrays.toString(
                                Arrays.copyOfRange(expected, Math.max(0, i - 3), Math.min(i + 4, expected.length))));
            }
        }
    }
}
