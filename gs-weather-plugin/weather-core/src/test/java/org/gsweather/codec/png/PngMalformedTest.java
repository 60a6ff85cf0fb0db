package org.gsweather.codec.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gsweather.codec.png.PngDecoderTest.decode;
import static org.gsweather.testing.TestPng.chunk;
import static org.gsweather.testing.TestPng.concat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractThrowableAssert;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.testing.TestPng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed PNG data in section 7: always a DataFormatException that says what is wrong. */
class PngMalformedTest {
    private static final TestPng GREY16 = new TestPng(5, 4, 16, 0);
    private static final long[] PIXELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
    private static final byte[] IEND = chunk("IEND", new byte[0]);

    private static byte[] valid() {
        return GREY16.png(PIXELS);
    }

    private static byte[] idat() {
        return GREY16.idat(TestPng.zlib(GREY16.scanlines(PIXELS)));
    }

    private static byte[] withIhdr(int width, int height, int depth, int colour, int interlace) {
        return concat(TestPng.SIGNATURE, TestPng.ihdr(width, height, depth, colour, interlace), idat(), IEND);
    }

    private static AbstractThrowableAssert<?, ?> assertRejected(byte[] png, int count) {
        return assertThatThrownBy(() -> decode(png, count)).isInstanceOf(DataFormatException.class);
    }

    private static AbstractThrowableAssert<?, ?> assertRejected(byte[] png) {
        return assertRejected(png, 20);
    }

    @Test
    void validReference() throws Exception {
        assertThat(decode(valid(), 20)).containsExactly(PngDecoderTest.floats(PIXELS));
    }

    @Test
    void signature() {
        assertRejected(new byte[0]).hasMessageContaining("does not start with the PNG signature");
        assertRejected(Arrays.copyOf(valid(), 7)).hasMessageContaining("does not start with the PNG signature");
        byte[] png = valid();
        png[1] = 'J';
        assertRejected(png).hasMessageContaining("does not start with the PNG signature");
    }

    @Test
    void truncatedAnywhere() {
        byte[] png = valid();
        for (int length = 0; length < png.length; length++) {
            byte[] cut = Arrays.copyOf(png, length);
            assertThatThrownBy(() -> decode(cut, 20))
                    .as("cut at %d of %d", length, png.length)
                    .isInstanceOf(DataFormatException.class);
        }
        assertRejected(Arrays.copyOf(png, png.length - 12))
                .hasMessage("PNG ends at octet " + (png.length - 12) + " without an IEND chunk");
        assertRejected(Arrays.copyOf(png, 40))
                .hasMessage("PNG truncated: 7 octets at octet 33 cannot hold a chunk (12 octets at least)");
        assertRejected(Arrays.copyOf(png, 50)).hasMessageContaining("PNG chunk IDAT at octet 33 declares");
    }

    @Test
    void chunkLengthBeyondTheData() {
        byte[] png = valid();
        ByteBuffer.wrap(png).putInt(33, -1);
        assertRejected(png).hasMessageContaining("declares 4294967295 data octets but only");
    }

    @Test
    void crc() {
        byte[] png = valid();
        png[33 + 8 + 3] ^= 0x10;
        assertRejected(png).hasMessage("PNG chunk IDAT at octet 33 fails its CRC check");
        byte[] header = valid();
        header[8 + 8 + 3] ^= 1;
        assertRejected(header).hasMessage("PNG chunk IHDR at octet 8 fails its CRC check");
    }

    @Test
    void badIhdr() {
        byte[] short12 = concat(TestPng.SIGNATURE, chunk("IHDR", new byte[12]), idat(), IEND);
        assertRejected(short12).hasMessage("PNG IHDR chunk holds 12 octets instead of 13");
        assertRejected(withIhdr(0, 4, 16, 0, 0)).hasMessageContaining("image of 0 x 4 pixels");
        assertRejected(withIhdr(5, -1, 16, 0, 0)).hasMessageContaining("image of 5 x 4294967295 pixels");
        assertRejected(withIhdr(5, 4, 3, 0, 0)).hasMessageContaining("bit depth 3 is not allowed with colour type 0");
        assertRejected(withIhdr(5, 4, 8, 5, 0)).hasMessageContaining("bit depth 8 is not allowed with colour type 5");
        assertRejected(withIhdr(5, 4, 4, 2, 0)).hasMessageContaining("bit depth 4 is not allowed with colour type 2");
        assertRejected(withIhdr(5, 4, 16, 0, 2)).hasMessageContaining("interlace method 2");
        byte[] compression = TestPng.ihdr(5, 4, 16, 0, 0);
        compression[8 + 10] = 1;
        assertRejected(concat(TestPng.SIGNATURE, chunk("IHDR", Arrays.copyOfRange(compression, 8, 21)), idat(), IEND))
                .hasMessageContaining("compression method 1");
        byte[] filter = TestPng.ihdr(5, 4, 16, 0, 0);
        filter[8 + 11] = 1;
        assertRejected(concat(TestPng.SIGNATURE, chunk("IHDR", Arrays.copyOfRange(filter, 8, 21)), idat(), IEND))
                .hasMessageContaining("filter method 1");
    }

    @Test
    void layoutsWithoutGribValues() {
        assertRejected(withIhdr(5, 4, 8, 3, 0))
                .isInstanceOf(UnsupportedDataException.class)
                .hasMessageContaining("colour type 3 and bit depth 8");
        assertRejected(withIhdr(5, 4, 8, 4, 0))
                .isInstanceOf(UnsupportedDataException.class)
                .hasMessageContaining("colour type 4");
        assertRejected(withIhdr(5, 4, 16, 2, 0))
                .isInstanceOf(UnsupportedDataException.class)
                .hasMessageContaining("colour type 2 and bit depth 16");
        assertRejected(withIhdr(5, 4, 16, 6, 0))
                .isInstanceOf(UnsupportedDataException.class)
                .hasMessageContaining("colour type 6 and bit depth 16");
    }

    @Test
    void chunkOrder() {
        assertRejected(concat(TestPng.SIGNATURE, idat(), GREY16.ihdr(), IEND))
                .hasMessage("PNG starts with chunk IDAT instead of IHDR");
        assertRejected(concat(TestPng.SIGNATURE, GREY16.ihdr(), GREY16.ihdr(), idat(), IEND))
                .hasMessageContaining("second IHDR");
        assertRejected(concat(TestPng.SIGNATURE, GREY16.ihdr(), IEND)).hasMessage("PNG has no IDAT chunk");
        byte[] data = TestPng.zlib(GREY16.scanlines(PIXELS));
        byte[] split = concat(
                TestPng.SIGNATURE,
                GREY16.ihdr(),
                chunk("IDAT", Arrays.copyOf(data, 10)),
                chunk("tEXt", new byte[] {'a', 0}),
                chunk("IDAT", Arrays.copyOfRange(data, 10, data.length)),
                IEND);
        assertRejected(split).hasMessageContaining("IDAT chunks are not consecutive");
        assertRejected(concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("ABCD", new byte[0]), idat(), IEND))
                .isInstanceOf(UnsupportedDataException.class)
                .hasMessage("PNG critical chunk ABCD is not supported");
        assertRejected(concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("ab1d", new byte[0]), idat(), IEND))
                .hasMessage("PNG chunk at octet 33 has an invalid type");
    }

    @Test
    void sizeDisagreesWithSection5() {
        assertRejected(valid(), 21).hasMessage("PNG image of 5 x 4 = 20 pixels but section 5 announces 21 values");
        assertRejected(withIhdr(Integer.MAX_VALUE, Integer.MAX_VALUE, 16, 0, 0), 20)
                .hasMessageContaining("= 4611686014132420609 pixels but section 5 announces 20 values");
    }

    /** A huge image announced consistently but with little data: no large allocation beyond the rows. */
    @Test
    void wideImageWithoutData() {
        assertRejected(withIhdr(2_000_000, 1, 16, 0, 0), 2_000_000)
                .hasMessage("PNG image data end after 0 complete rows, before the image is complete");
    }

    @Test
    void notZlib() {
        byte[] png = concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("IDAT", new byte[] {1, 2, 3, 4, 5, 6}), IEND);
        assertRejected(png).hasMessageStartingWith("PNG image data are not a valid zlib stream: ");
    }

    @Test
    void presetDictionary() {
        byte[] png = concat(
                TestPng.SIGNATURE,
                GREY16.ihdr(),
                chunk("IDAT", new byte[] {0x78, (byte) 0xbb, 0, 0, 0, 1, 3, 0}),
                IEND);
        assertRejected(png).hasMessage("PNG image data need a preset zlib dictionary");
    }

    @Test
    void badAdler32() {
        byte[] data = TestPng.zlib(GREY16.scanlines(PIXELS));
        data[data.length - 1] ^= 1;
        byte[] png = concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("IDAT", data), IEND);
        assertRejected(png)
                .hasMessageContaining("not a valid zlib stream")
                .hasMessageContaining("incorrect data check");
    }

    @Test
    void tooFewRows() {
        byte[] scanlines = GREY16.scanlines(PIXELS);
        byte[] threeRows = TestPng.zlib(Arrays.copyOf(scanlines, 3 * 11 + 5));
        byte[] png = concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("IDAT", threeRows), IEND);
        assertRejected(png).hasMessage("PNG image data end after 3 complete rows, before the image is complete");
    }

    @Test
    void zlibStreamCutShort() {
        byte[] data = TestPng.zlib(GREY16.scanlines(PIXELS));
        byte[] png =
                concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("IDAT", Arrays.copyOf(data, data.length - 6)), IEND);
        assertRejected(png).hasMessageContaining("PNG IDAT chunks end after");
        byte[] noAdler =
                concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("IDAT", Arrays.copyOf(data, data.length - 4)), IEND);
        assertRejected(noAdler)
                .hasMessage("PNG IDAT chunks end after 4 complete rows, in the middle of the zlib stream");
    }

    @Test
    void tooManyRows() {
        byte[] scanlines = GREY16.scanlines(PIXELS);
        byte[] fiveRows = TestPng.zlib(concat(scanlines, Arrays.copyOf(scanlines, 11)));
        byte[] png = concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("IDAT", fiveRows), IEND);
        assertRejected(png).hasMessage("PNG image data hold more than the 4 rows of the image");
        byte[] oneOctetMore = TestPng.zlib(concat(scanlines, new byte[1]));
        assertRejected(concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("IDAT", oneOctetMore), IEND))
                .hasMessage("PNG image data hold more than the 4 rows of the image");
    }

    @Test
    void unknownFilterType() {
        byte[] scanlines = GREY16.scanlines(PIXELS);
        scanlines[2 * 11] = 5;
        byte[] png = concat(TestPng.SIGNATURE, GREY16.ihdr(), chunk("IDAT", TestPng.zlib(scanlines)), IEND);
        assertRejected(png).hasMessage("PNG row 2 has filter type 5 (0 to 4 exist)");
    }

    /**
     * Random corruption of valid images of every layout, with and without interlacing, and with the CRCs
     * recomputed so that the corruption reaches the IHDR, zlib and filter checks: either a decoded
     * image or a DataFormatException, never another exception or a hang.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fuzz() {
        Random random = new Random(41);
        int decoded = 0;
        int rejected = 0;
        for (int[] layout : PngDecoderTest.LAYOUTS) {
            for (boolean interlaced : new boolean[] {false, true}) {
                TestPng writer = new TestPng(11, 7, layout[0], layout[1]);
                writer.interlaced = interlaced;
                writer.idatSize = 40;
                byte[] png = writer.png(PngDecoderTest.randomPixels(writer, 77, random));
                for (int trial = 0; trial < 1500; trial++) {
                    byte[] bad = png.clone();
                    int flips = 1 + random.nextInt(4);
                    for (int f = 0; f < flips; f++) {
                        int at = 8 + random.nextInt(bad.length - 8);
                        bad[at] = random.nextInt(3) == 0
                                ? (byte) random.nextInt(256)
                                : (byte) (bad[at] ^ 1 << random.nextInt(8));
                    }
                    if (trial % 2 == 0) {
                        fixCrcs(bad);
                    }
                    try {
                        decode(bad, 77);
                        decoded++;
                    } catch (DataFormatException e) {
                        assertThat(e.getMessage()).isNotBlank();
                        rejected++;
                    }
                }
            }
        }
        assertThat(rejected).isGreaterThan(10_000);
        assertThat(decoded).isPositive();
    }

    /** Recomputes the CRC of every chunk whose length still fits in the data. */
    private static void fixCrcs(byte[] png) {
        ByteBuffer b = ByteBuffer.wrap(png);
        int pos = 8;
        while (pos + 12 <= png.length) {
            long length = b.getInt(pos) & 0xffffffffL;
            if (length > png.length - pos - 12) {
                return;
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(png, pos + 4, (int) length + 4);
            b.putInt(pos + 8 + (int) length, (int) crc.getValue());
            pos += 12 + (int) length;
        }
    }
}
