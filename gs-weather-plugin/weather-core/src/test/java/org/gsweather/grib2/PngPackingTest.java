package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gsweather.field.DataFormatException;
import org.gsweather.testing.TestData;
import org.gsweather.testing.TestPng;
import org.gsweather.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Template 5.41 on real fields: MRMS as published, and fields repacked as PNG by ecCodes. */
class PngPackingTest {
    private static final String MRMS = "grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz";
    private static final String MRMS_WGRIB2 = "grib2/grib-rs/gen/mrms-reflectivity-wgrib2-le.bin.xz";
    private static final String HRRR = "grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2";
    private static final String GFS = "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2";

    @Test
    void mrmsMatchesWgrib2() throws Exception {
        TestMessage message = TestMessage.read(TestData.file(MRMS));
        PngPacking packing = message.pngPacking();
        assertThat(packing.bits()).isEqualTo(16);
        assertThat(packing.scaling()).isEqualTo(new Scaling(-9990f, 0, 1));
        float[] expected = TestData.floats(MRMS_WGRIB2, ByteOrder.LITTLE_ENDIAN);
        assertThat(message.count()).isEqualTo(7000 * 3500).isEqualTo(expected.length);

        float[] values = new float[message.count()];
        message.unpackPng(values);

        assertClose(values, expected, packing.halfStep());
        // MRMS in-band codes: -999 no coverage, -99 missing; plain values at this level
        assertThat(values).contains(-999f, -99f);
        assertThat(values[0]).isEqualTo(-999f);
    }

    @Test
    void mrmsUsesAllFiveFilters() throws Exception {
        TestMessage message = TestMessage.read(TestData.file(MRMS));
        int[] histogram = TestPng.filterHistogram(message.data(), 3500, 7000 * 2);
        assertThat(histogram).containsExactly(46, 1905, 364, 289, 896);
    }

    @Test
    void mrmsSamplesMatchImageIo() throws Exception {
        TestMessage message = TestMessage.read(TestData.file(MRMS));
        assertSamplesMatchImageIo(message);
    }

    static Stream<Arguments> ecCodesVariants() {
        return Stream.of(HRRR, GFS)
                .flatMap(file -> Stream.of(1, 4, 8, 12, 16, 20, 24, 28, 32).map(bits -> Arguments.of(file, bits)));
    }

    /** Fields repacked by ecCodes with N bits per value, against ecCodes' own decoding of them. */
    @ParameterizedTest(name = "{0} {1} bits")
    @MethodSource("ecCodesVariants")
    void matchesEcCodes(String file, int bits) throws Exception {
        Tools.require("grib_set");
        Path dir = Files.createDirectories(Path.of("target", "png-variants"));
        String name = Path.of(file).getFileName().toString().replace(".grib2", "");
        Path first = dir.resolve(name + ".grib2");
        Path png = dir.resolve(name + "-png" + bits + ".grib2");
        Path ieee = dir.resolve(name + "-png" + bits + "-ieee.grib2");
        Tools.run(List.of("grib_copy", "-w", "count=1", TestData.file(file).toString(), first.toString()));
        Tools.run(List.of(
                "grib_set", "-r", "-s", "packingType=grid_png,bitsPerValue=" + bits, first.toString(), png.toString()));
        Tools.run(List.of("grib_set", "-r", "-s", "packingType=grid_ieee", png.toString(), ieee.toString()));

        TestMessage message = TestMessage.read(png);
        assertThat(message.pngPacking().bits()).isEqualTo(bits);
        float[] expected = TestMessage.read(ieee).ieeeValues();
        float[] values = new float[message.count()];
        message.unpackPng(values);

        assertEqual(values, expected);
        assertSamplesMatchImageIo(message);
    }

    @Test
    void scalesValues() throws Exception {
        TestPng writer = new TestPng(4, 1, 16, 0);
        byte[] png = writer.png(new long[] {0, 9, 10_000, 65535});
        float[] out = new float[4];
        new PngPacking(new Scaling(-9990f, 0, 1), 16).unpack(ByteBuffer.wrap(png), 4, out);
        assertThat(out).containsExactly(-999f, -998.1f, 1f, 5554.5f);
    }

    @Test
    void rgbaIsUnsigned32Bits() throws Exception {
        TestPng writer = new TestPng(3, 1, 8, 6);
        byte[] png = writer.png(new long[] {0xffffffffL, 0x80000000L, 0x01020304L});
        float[] out = new float[3];
        new PngPacking(new Scaling(1f, -13, 0), 32).unpack(ByteBuffer.wrap(png), 3, out);
        assertThat(out)
                .containsExactly((float) (0xffffffffL * 0x1p-13 + 1), (float) (0x80000000L * 0x1p-13 + 1), (float)
                        (0x01020304L * 0x1p-13 + 1));
        assertThat(out[0]).isEqualTo(524289f);
    }

    @Test
    void constantField() throws Exception {
        PngPacking packing = new PngPacking(new Scaling(2731.5f, 3, 1), 0);
        float[] out = new float[5];
        packing.unpack(ByteBuffer.allocate(0), 4, out);
        assertThat(out).containsExactly(273.15f, 273.15f, 273.15f, 273.15f, 0f);
    }

    @Test
    void moreThan32BitsIsRejected() {
        PngPacking packing = new PngPacking(new Scaling(0f, 0, 0), 33);
        assertThatThrownBy(() -> packing.unpack(ByteBuffer.allocate(0), 1, new float[1]))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("33 bits per value");
    }

    /**
     * The integers X under the scaling, read by javax.imageio from the same PNG: checks the PNG layer
     * (chunks, inflate, filters, sample layout) against an independent decoder.
     */
    private static void assertSamplesMatchImageIo(TestMessage message) throws Exception {
        ByteBuffer data = message.data();
        byte[] bytes = new byte[data.remaining()];
        data.get(0, bytes);
        Raster raster = ImageIO.read(new ByteArrayInputStream(bytes)).getRaster();
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        float[] values = new float[width * height];
        PngPacking samples =
                new PngPacking(new Scaling(0f, 0, 0), message.pngPacking().bits());
        samples.unpack(message.data(), width * height, values);
        int[] pixel = new int[bands];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.getPixel(x, y, pixel);
                long expected = 0;
                for (int b = 0; b < bands; b++) {
                    expected = expected << 8 | pixel[b];
                }
                if (bands == 1) {
                    expected = pixel[0];
                }
                if (values[y * width + x] != (float) expected) {
                    throw new AssertionError("pixel (" + x + ", " + y + "): X = " + values[y * width + x]
                            + ", javax.imageio reads " + expected);
                }
            }
        }
    }

    /** Every value equal, bit for bit (arrays too large for AssertJ's diff). */
    static void assertEqual(float[] values, float[] expected) {
        assertThat(values).hasSameSizeAs(expected);
        for (int k = 0; k < values.length; k++) {
            if (Float.floatToIntBits(values[k]) != Float.floatToIntBits(expected[k])) {
                throw new AssertionError("value " + k + ": " + values[k] + ", expected " + expected[k]);
            }
        }
    }

    /** Every value within half a packing step plus the rounding of a float. */
    static void assertClose(float[] values, float[] expected, double halfStep) {
        assertThat(values).hasSameSizeAs(expected);
        for (int k = 0; k < values.length; k++) {
            double tolerance = halfStep + Math.ulp(expected[k]);
            if (!(Math.abs(values[k] - expected[k]) <= tolerance)) {
                throw new AssertionError(
                        "value " + k + ": " + values[k] + ", expected " + expected[k] + " within " + tolerance);
            }
        }
    }
}
