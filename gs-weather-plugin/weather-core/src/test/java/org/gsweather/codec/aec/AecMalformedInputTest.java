package org.gsweather.codec.aec;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.gsweather.field.DataFormatException;
import org.junit.jupiter.api.Test;

/** Truncated, garbled and inconsistent streams: a {@link DataFormatException} that says what is wrong. */
class AecMalformedInputTest {

    @Test
    void reportsTruncatedStreams() throws DataFormatException {
        int n = 50_000;
        int[] samples = new Signals(12, false, true, 32, 1).mixed(n);
        byte[] coded = AecTool.encode(samples, 12, AecDecoder.PREPROCESS, 32, 128);
        assertThat(AecDecoderTest.decodeAll(12, AecDecoder.PREPROCESS, 32, 128, ByteBuffer.wrap(coded), n))
                .containsExactly(samples);
        for (int length : new int[] {0, 1, 2, 7, coded.length / 3, coded.length / 2, coded.length - 40}) {
            ByteBuffer cut = ByteBuffer.wrap(Arrays.copyOf(coded, length));
            assertThatThrownBy(() -> AecDecoderTest.decodeAll(12, AecDecoder.PREPROCESS, 32, 128, cut, n))
                    .as("stream cut to %d of %d bytes", length, coded.length)
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void reportsMoreSamplesThanTheStreamHolds() throws DataFormatException {
        int[] samples = new Signals(16, false, true, 16, 2).mixed(20_000);
        byte[] coded = AecTool.encode(samples, 16, AecDecoder.PREPROCESS, 16, 32);
        assertThatThrownBy(() ->
                        AecDecoderTest.decodeAll(16, AecDecoder.PREPROCESS, 16, 32, ByteBuffer.wrap(coded), 40_000))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void reportsSplitPositionsTheDepthCannotHave() {
        // 12 bits: 4-bit ids, id 14 = split at k=13
        ByteBuffer data = new BitString().put(14, 4).put(-1L, 64).bytes();
        assertThatThrownBy(() -> AecDecoderTest.decodeAll(12, 0, 8, 1, data, 8))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("option id 14")
                .hasMessageContaining("k=13");
    }

    @Test
    void reportsSecondExtensionCodesOutOfRange() {
        ByteBuffer data =
                new BitString().put(0, 3).put(1, 1).fs(91).put(-1L, 32).bytes();
        assertThatThrownBy(() -> AecDecoderTest.decodeAll(8, 0, 8, 1, data, 8))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("second-extension code 91");
    }

    @Test
    void reportsZeroBlockRunsPastTheirInterval() {
        // r = 2 blocks, a run of 3
        ByteBuffer data = new BitString().put(0, 3).put(0, 1).fs(2).put(-1L, 32).bytes();
        assertThatThrownBy(() -> AecDecoderTest.decodeAll(8, 0, 8, 2, data, 64))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("zero-block run of 3 blocks")
                .hasMessageContaining("reference sample interval");
    }

    @Test
    void reportsZeroBlockRunsPastTheField() {
        // 20 samples = 3 blocks of 8, a run of 6 (code 6)
        ByteBuffer data = new BitString().put(0, 3).put(0, 1).fs(6).put(-1L, 32).bytes();
        assertThatThrownBy(() -> AecDecoderTest.decodeAll(8, 0, 8, 64, data, 20))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("zero-block run of 6 blocks")
                .hasMessageContaining("end of the field");
    }

    @Test
    void reportsFundamentalSequencesRunningPastTheEnd() {
        ByteBuffer data = new BitString().put(1, 3).put(0, 300).bytes();
        assertThatThrownBy(() -> AecDecoderTest.decodeAll(8, 0, 8, 64, data, 8))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("fundamental sequence that runs past the end");
    }

    @Test
    void refusesInconsistentParameters() {
        ByteBuffer data = ByteBuffer.allocate(16);
        assertThatThrownBy(() -> new AecDecoder(12, 0, 12, 128, data, 10))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("block size 12");
        assertThatThrownBy(() -> new AecDecoder(12, 0, 32, 0, data, 10))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("reference sample interval of 0");
        assertThatThrownBy(() -> new AecDecoder(8, AecDecoder.RESTRICTED, 32, 1, data, 10))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("restricted");
        assertThatThrownBy(() -> new AecDecoder(33, 0, 32, 1, data, 10))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("33 bits");
        assertThatThrownBy(() -> new AecDecoder(0, 0, 32, 1, data, 10))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("0 bits");
    }

    /**
     * Random bytes, and real streams with random bytes flipped, at every depth: each either decodes (to
     * whatever) or fails with a DataFormatException, promptly and without running off its arrays.
     */
    @Test
    void garbledStreamsFailCleanly() {
        SplittableRandom random = new SplittableRandom(5);
        int[] samples = new Signals(16, false, true, 16, 3).mixed(30_000);
        byte[] good = AecTool.encode(samples, 16, AecDecoder.PREPROCESS, 16, 64);
        assertTimeoutPreemptively(ofSeconds(60), () -> {
            int failures = 0;
            for (int trial = 0; trial < 3000; trial++) {
                byte[] data;
                int bits;
                int flags;
                int blockSize = 8 << random.nextInt(4);
                int rsi = 1 + random.nextInt(300);
                int count = random.nextInt(100_000);
                if (trial % 2 == 0) {
                    data = new byte[random.nextInt(5000)];
                    random.nextBytes(data);
                    bits = 1 + random.nextInt(32);
                    flags = random.nextInt(64);
                    if (bits > 4 && bits <= 8) {
                        flags &= ~AecDecoder.RESTRICTED;
                    }
                } else {
                    data = good.clone();
                    for (int k = 1 + random.nextInt(8); k > 0; k--) {
                        data[random.nextInt(data.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                    bits = 16;
                    flags = AecDecoder.PREPROCESS;
                    blockSize = 16;
                    rsi = 64;
                    count = samples.length;
                }
                try {
                    AecDecoderTest.decodeAll(bits, flags, blockSize, rsi, ByteBuffer.wrap(data), count);
                } catch (DataFormatException e) {
                    assertThat(e.getMessage()).startsWith("CCSDS: ");
                    failures++;
                }
            }
            assertThat(failures).isGreaterThan(1000);
        });
    }
}
