package org.gsweather.codec.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.gsweather.field.DataFormatException;
import org.gsweather.testing.TestPng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The PNG decoder on synthetic images: every pixel layout, filter and interlacing. */
class PngDecoderTest {

    /** Grey 1, 2, 4, 8, 16 bits, 8-bit RGB, 8-bit RGBA: {depth, colour type}. */
    static final int[][] LAYOUTS = {{1, 0}, {2, 0}, {4, 0}, {8, 0}, {16, 0}, {8, 2}, {8, 6}};

    static Stream<Arguments> layoutsFiltersInterlacing() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] layout : LAYOUTS) {
            for (int filter = -1; filter <= 4; filter++) {
                for (boolean interlaced : new boolean[] {false, true}) {
                    cases.add(Arguments.of(layout[0], layout[1], filter, interlaced));
                }
            }
        }
        return cases.stream();
    }

    /**
     * Random pixels written with one filter on every row (-1: the five in turn), read back exactly; the
     * test writer's output is checked against javax.imageio as well.
     */
    @ParameterizedTest(name = "depth {0} colour {1} filter {2} interlaced {3}")
    @MethodSource("layoutsFiltersInterlacing")
    void everyLayoutFilterAndInterlacing(int depth, int colour, int filter, boolean interlaced) throws Exception {
        TestPng writer = new TestPng(37, 11, depth, colour);
        writer.interlaced = interlaced;
        writer.filter = filter < 0 ? row -> row % 5 : row -> filter;
        writer.idatSize = 100;
        long[] x = randomPixels(writer, 37 * 11, new Random(depth * 31L + colour * 7L + filter));
        byte[] png = writer.png(x);

        assertThat(imageIoPixels(png)).containsExactly(x);
        assertThat(decode(png, x.length)).containsExactly(floats(x));
    }

    /** Smooth fields, where Paeth and Average choose all their branches, in every layout. */
    @ParameterizedTest(name = "depth {0} colour {1}")
    @MethodSource("layouts")
    void smoothField(int depth, int colour) throws Exception {
        TestPng writer = new TestPng(64, 48, depth, colour);
        long max = (1L << writer.bitsPerPixel()) - 1;
        long[] x = new long[64 * 48];
        for (int k = 0; k < x.length; k++) {
            double v = 0.5 + 0.25 * Math.sin(k % 64 / 7.0) + 0.25 * Math.cos(k / 64 / 5.0);
            x[k] = Math.min(max, Math.round(v * max));
        }
        byte[] png = writer.png(x);
        assertThat(decode(png, x.length)).containsExactly(floats(x));
    }

    static Stream<Arguments> layouts() {
        return Stream.of(LAYOUTS).map(l -> Arguments.of(l[0], l[1]));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("smallSizes")
    void smallImagesWithEmptyAdam7Passes(int width, int height) throws Exception {
        for (boolean interlaced : new boolean[] {false, true}) {
            TestPng writer = new TestPng(width, height, 16, 0);
            writer.interlaced = interlaced;
            long[] x = randomPixels(writer, width * height, new Random(width * 100L + height));
            assertThat(decode(writer.png(x), x.length)).containsExactly(floats(x));
        }
    }

    static Stream<Arguments> smallSizes() {
        return Stream.of(
                Arguments.of(1, 1), Arguments.of(1, 20), Arguments.of(20, 1), Arguments.of(3, 3), Arguments.of(9, 9));
    }

    /**
     * Files of javax.imageio's own writer, Adam7 in progressive mode (it filters every row with None; the
     * other filters come from {@link TestPng} here and from libpng in the real files).
     */
    @ParameterizedTest(name = "image type {0}")
    @ValueSource(
            ints = {
                BufferedImage.TYPE_BYTE_GRAY,
                BufferedImage.TYPE_USHORT_GRAY,
                BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB
            })
    void imageIoWrittenFiles(int type) throws Exception {
        int width = 301;
        int height = 77;
        BufferedImage image = new BufferedImage(width, height, type);
        WritableRaster raster = image.getRaster();
        Random random = new Random(type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < raster.getNumBands(); b++) {
                    int max = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
                    int smooth = (int) (max * (0.5 + 0.4 * Math.sin((x + 3 * b) / 11.0) * Math.cos(y / 7.0)));
                    raster.setSample(x, y, b, random.nextInt(8) == 0 ? random.nextInt(max + 1) : smooth);
                }
            }
        }
        for (boolean interlaced : new boolean[] {false, true}) {
            byte[] png = imageIoPng(image, interlaced);
            assertThat(png[8 + 8 + 12]).as("interlace method").isEqualTo((byte) (interlaced ? 1 : 0));
            long[] expected = imageIoPixels(png);
            assertThat(decode(png, width * height)).containsExactly(floats(expected));
        }
    }

    @Test
    void rgbIs24Bits() throws Exception {
        TestPng writer = new TestPng(2, 1, 8, 2);
        byte[] png = writer.png(new long[] {0xabcdefL, 0x000001L});
        assertThat(decode(png, 2)).containsExactly(0xabcdef, 1f);
    }

    /** One IDAT chunk per octet, empty IDAT chunks, ancillary chunks, a PLTE and octets after IEND. */
    @Test
    void chunkLayoutVariants() throws Exception {
        TestPng writer = new TestPng(13, 5, 8, 2);
        long[] x = randomPixels(writer, 65, new Random(5));
        byte[] data = TestPng.zlib(writer.scanlines(x));
        writer.idatSize = 1;
        byte[] png = TestPng.concat(
                TestPng.SIGNATURE,
                writer.ihdr(),
                TestPng.chunk("tEXt", "Comment\0test".getBytes()),
                TestPng.chunk("PLTE", new byte[] {1, 2, 3}),
                TestPng.chunk("IDAT", new byte[0]),
                writer.idat(data),
                TestPng.chunk("IDAT", new byte[0]),
                TestPng.chunk("zzZz", new byte[] {7}),
                TestPng.chunk("IEND", new byte[0]),
                new byte[] {1, 2, 3, 4, 5});
        assertThat(decode(png, x.length)).containsExactly(floats(x));
    }

    /** The section 7 buffer may be a slice of a larger message, with a non-zero array offset. */
    @Test
    void sliceOfALargerBuffer() throws Exception {
        TestPng writer = new TestPng(10, 10, 16, 0);
        long[] x = randomPixels(writer, 100, new Random(9));
        byte[] png = writer.png(x);
        byte[] message = new byte[png.length + 50];
        System.arraycopy(png, 0, message, 20, png.length);
        ByteBuffer section7 = ByteBuffer.wrap(message).slice(20, png.length);
        assertThat(decode(section7, 100)).containsExactly(floats(x));
        ByteBuffer direct = ByteBuffer.allocateDirect(png.length).put(png).flip();
        assertThat(decode(direct, 100)).containsExactly(floats(x));
    }

    /** The samples of every pixel, as floats (unsigned: 32-bit RGBA fills all 32 bits). */
    static float[] decode(byte[] png, int count) throws DataFormatException {
        return decode(ByteBuffer.wrap(png), count);
    }

    static float[] decode(ByteBuffer png, int count) throws DataFormatException {
        float[] out = new float[count];
        PngDecoder.decode(png, count, (samples, n, first, step) -> {
            for (int k = 0; k < n; k++) {
                out[first + k * step] = (float) (samples[k] & 0xffffffffL);
            }
        });
        return out;
    }

    static long[] randomPixels(TestPng writer, int count, Random random) {
        long[] x = new long[count];
        int bits = writer.bitsPerPixel();
        for (int k = 0; k < count; k++) {
            x[k] = random.nextLong() >>> (64 - bits);
        }
        return x;
    }

    static float[] floats(long[] x) {
        float[] f = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            f[k] = (float) x[k];
        }
        return f;
    }

    /** The pixels as javax.imageio reads them, combined into X like template 5.41. */
    static long[] imageIoPixels(byte[] png) throws Exception {
        Raster raster = ImageIO.read(new ByteArrayInputStream(png)).getRaster();
        int bands = raster.getNumBands();
        long[] x = new long[raster.getWidth() * raster.getHeight()];
        int[] pixel = new int[bands];
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int c = 0; c < raster.getWidth(); c++) {
                raster.getPixel(c, y, pixel);
                long v = 0;
                for (int b = 0; b < bands; b++) {
                    v = bands == 1 ? pixel[0] : v << 8 | pixel[b];
                }
                x[y * raster.getWidth() + c] = v;
            }
        }
        return x;
    }

    static byte[] imageIoPng(BufferedImage image, boolean interlaced) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
