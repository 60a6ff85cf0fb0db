package org.gsweather.codec.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.DecodePool;
import org.gsweather.testing.TestPng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tall images decoded with a pool: one thread inflates blocks of rows while another unfilters them
 * (more blocks than the ring holds, so the inflating thread waits or unfilters itself). The samples
 * must be the sequential decode's, errors the same errors, and no thread may hang.
 */
@Timeout(120)
class PngPipelineTest {
    private static final DecodePool POOL = DecodePool.create(2, 1);

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    @ParameterizedTest(name = "{0} x {1}, depth {2} colour {3}")
    @CsvSource({"64, 9000, 16, 0", "64, 4100, 8, 6", "300, 2000, 8, 2", "2000, 1500, 8, 0", "33, 20000, 4, 0"})
    void givesTheSequentialSamples(int width, int height, int depth, int colour) throws Exception {
        TestPng writer = new TestPng(width, height, depth, colour);
        writer.idatSize = 8192;
        long[] x = smoothPixels(writer, new Random(width + height));
        byte[] png = writer.png(x);
        float[] expected = PngDecoderTest.floats(x);
        assertSame(PngDecoderTest.decode(png, x.length), expected, "sequential");
        assertSame(decode(png, x.length, POOL), expected, "pipelined");
    }

    @Test
    void decodesOnTheCallerAloneWhenThePoolIsBusy() throws Exception {
        TestPng writer = new TestPng(64, 9000, 16, 0);
        long[] x = smoothPixels(writer, new Random(1));
        byte[] png = writer.png(x);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (DecodePool pool = DecodePool.create(2, 1)) {
            CountDownLatch busy = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = other.submit(() -> {
                pool.run(2, i -> {
                    busy.countDown();
                    await(release);
                });
                return null;
            });
            assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
            assertSame(decode(png, x.length, pool), PngDecoderTest.floats(x), "caller alone");
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void reportsABadFilterTypeFarDownTheImage() throws Exception {
        TestPng writer = new TestPng(64, 9000, 16, 0);
        long[] x = smoothPixels(writer, new Random(2));
        byte[] scanlines = writer.scanlines(x);
        scanlines[7000 * (64 * 2 + 1)] = 9;
        byte[] png = TestPng.concat(
                TestPng.SIGNATURE,
                writer.ihdr(),
                writer.idat(TestPng.zlib(scanlines)),
                TestPng.chunk("IEND", new byte[0]));
        assertThatThrownBy(() -> decode(png, x.length, POOL))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("PNG row 7000 has filter type 9 (0 to 4 exist)");
    }

    @Test
    void reportsImageDataThatEndEarly() throws Exception {
        TestPng writer = new TestPng(64, 9000, 16, 0);
        long[] x = smoothPixels(writer, new Random(3));
        byte[] scanlines = writer.scanlines(x);
        byte[] png = TestPng.concat(
                TestPng.SIGNATURE,
                writer.ihdr(),
                writer.idat(TestPng.zlib(Arrays.copyOf(scanlines, 5000 * (64 * 2 + 1) + 17))),
                TestPng.chunk("IEND", new byte[0]));
        assertThatThrownBy(() -> decode(png, x.length, POOL))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("PNG image data end after 5000 complete rows, before the image is complete");
    }

    @Test
    void aFailingSinkStopsTheDecode() throws Exception {
        TestPng writer = new TestPng(64, 9000, 16, 0);
        byte[] png = writer.png(smoothPixels(writer, new Random(4)));
        assertThatThrownBy(() -> PngDecoder.decode(
                        ByteBuffer.wrap(png),
                        64 * 9000,
                        (samples, n, first, step) -> {
                            if (first >= 64 * 3000) {
                                throw new IllegalStateException("sink failed at " + first);
                            }
                        },
                        POOL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sink failed at " + 64 * 3000);
    }

    /** Fails at the first sample that differs, naming it (assertj's diff of large arrays takes minutes). */
    private static void assertSame(float[] actual, float[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        int i = Arrays.mismatch(actual, expected);
        assertThat(i)
                .as(
                        "%s: first different sample (%s instead of %s)",
                        what, i < 0 ? "" : actual[i], i < 0 ? "" : expected[i])
                .isEqualTo(-1);
    }

    static float[] decode(byte[] png, int count, DecodePool pool) throws DataFormatException {
        float[] out = new float[count];
        PngDecoder.decode(
                ByteBuffer.wrap(png),
                count,
                (samples, n, first, step) -> {
                    for (int k = 0; k < n; k++) {
                        out[first + k * step] = (float) (samples[k] & 0xffffffffL);
                    }
                },
                pool);
        return out;
    }

    /** A smooth field with noise, so that all five filters are chosen and deflate has work to do. */
    private static long[] smoothPixels(TestPng writer, Random random) {
        long max = (1L << writer.bitsPerPixel()) - 1;
        long[] x = new long[writer.width * writer.height];
        for (int k = 0; k < x.length; k++) {
            int c = k % writer.width;
            int r = k / writer.width;
            double v = 0.5 + 0.3 * Math.sin(c / 9.0) * Math.cos(r / 13.0) + 0.05 * random.nextGaussian();
            x[k] = Math.max(0, Math.min(max, Math.round(v * max)));
        }
        return x;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
