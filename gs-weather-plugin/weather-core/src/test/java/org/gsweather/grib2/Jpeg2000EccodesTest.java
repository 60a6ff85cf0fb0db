package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Template 5.40 fields ecCodes (with OpenJPEG) packs at various depths, lossless and lossy, decoded to
 * ecCodes' own values and to JJ2000's integers.
 */
class Jpeg2000EccodesTest {
    private static final String NAM = "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2";
    private static final String GFS = "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2";

    static Stream<Arguments> repacked() {
        return Stream.of(
                Arguments.of(NAM, "bitsPerValue=1", 1),
                Arguments.of(NAM, "bitsPerValue=4", 4),
                Arguments.of(NAM, "bitsPerValue=8", 8),
                Arguments.of(NAM, "bitsPerValue=12", 12),
                Arguments.of(NAM, "bitsPerValue=16", 16),
                Arguments.of(NAM, "bitsPerValue=20", 20),
                Arguments.of(NAM, "bitsPerValue=24", 24),
                Arguments.of(NAM, "bitsPerValue=28", 28),
                // lossy: OpenJPEG truncates the 5/3 code-blocks to reach the ratio
                Arguments.of(NAM, "bitsPerValue=16,typeOfCompressionUsed=1,targetCompressionRatio=10", 16),
                Arguments.of(NAM, "bitsPerValue=12,typeOfCompressionUsed=1,targetCompressionRatio=4", 12),
                Arguments.of(GFS, "decimalScaleFactor=1", 16),
                Arguments.of(GFS, "decimalScaleFactor=3,typeOfCompressionUsed=1,targetCompressionRatio=20", 22),
                Arguments.of(GFS, "decimalScaleFactor=5", 29));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("repacked")
    void matchesEcCodesAndJj2000(String file, String settings, int bits) throws Exception {
        Tools.require("grib_set");
        Path dir = Files.createDirectories(Path.of("target", "j2k-eccodes"));
        String name =
                Path.of(file).getFileName() + "-" + settings.replace(',', '-').replace("=", "");
        Path first = dir.resolve(Path.of(file).getFileName() + ".1.grib2");
        Path jpeg = dir.resolve(name + ".grib2");
        Path ieee = dir.resolve(name + ".ieee.grib2");
        if (!Files.exists(first)) {
            Tools.run(List.of("grib_copy", "-w", "count=1", TestData.file(file).toString(), first.toString()));
        }
        run("packingType=grid_jpeg," + settings, first, jpeg);
        run("packingType=grid_ieee", jpeg, ieee);

        TestMessage message = TestMessage.read(jpeg);
        Jpeg2000Packing packing = message.jpeg2000Packing();
        assertThat(packing.bits()).isEqualTo(bits);
        assertThat(message.jpeg2000Compression()).isEqualTo(settings.contains("typeOfCompressionUsed=1") ? 1 : 0);
        float[] values = new float[message.count()];
        packing.unpack(message.data(), message.count(), values);
        PngPackingTest.assertEqual(values, TestMessage.read(ieee).ieeeValues());

        byte[] stream = Jpeg2000DecoderTest.bytes(message.data());
        int[] ours = J2kDecoder.decode(stream, message.count());
        if (bits < 29) { // JJ2000 gets 29 bits wrong (ecCodes and our decoder agree)
            assertThat(ours).isEqualTo(Jj2000Decoder.decode(stream, message.count()));
        }
    }

    private static void run(String set, Path in, Path out) throws IOException {
        if (!Files.exists(out) || Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(in)) < 0) {
            Tools.run(List.of("grib_set", "-r", "-s", set, in.toString(), out.toString()));
        }
    }
}
