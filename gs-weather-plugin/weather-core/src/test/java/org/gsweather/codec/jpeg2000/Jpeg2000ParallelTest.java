package org.gsweather.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.gsweather.codec.SampleSink;
import org.gsweather.field.DecodePool;
import org.gsweather.testing.Grib2Walker;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Code streams decoded with pools that split code-blocks, wavelet levels and rows down to the smallest
 * parts give the sequential decode's samples: the real GRIB2 streams and every {@code opj_compress}
 * stream of {@link Jpeg2000OpenJpegTest} (tiles, offsets, precincts, styles, 9/7).
 */
class Jpeg2000ParallelTest {
    private static final List<DecodePool> POOLS = List.of(DecodePool.create(2, 1), DecodePool.create(3, 500));

    @AfterAll
    static void closePools() {
        POOLS.forEach(DecodePool::close);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.gsweather.codec.jpeg2000.Jpeg2000DecoderTest#files")
    void realStreams(String file) throws Exception {
        int decoded = 0;
        for (Grib2Walker.Field f : Grib2Walker.fields(TestData.file(file))) {
            if (f.template() != 40 || f.bitsPerValue() == 0) {
                continue;
            }
            assertParallelIsSequential(f.dataBytes(), f.count(), file + " message " + f.message());
            decoded++;
        }
        assertThat(decoded).isPositive();
    }

    @ParameterizedTest(name = "{0} bits {1}")
    @MethodSource("org.gsweather.codec.jpeg2000.Jpeg2000OpenJpegTest#streams")
    void openJpegStreams(int bits, String options) throws Exception {
        assertParallelIsSequential(Jpeg2000OpenJpegTest.compress(bits, options), 203 * 151, options);
    }

    private static void assertParallelIsSequential(byte[] stream, int count, String what) throws Exception {
        int[] sequential = J2kDecoder.decode(stream, count);
        for (DecodePool pool : POOLS) {
            int[] parallel = new int[count];
            Arrays.fill(parallel, -1);
            J2kDecoder.decode(stream, count, SampleSink.into(parallel), pool);
            assertThat(Arrays.mismatch(parallel, sequential))
                    .as("%s, parallelism %d: first different sample", what, pool.parallelism())
                    .isEqualTo(-1);
        }
    }
}
