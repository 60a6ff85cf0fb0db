package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gsweather.testing.GribSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Template 5.40 fields ecCodes (with OpenJPEG) packs at various depths, lossless and lossy, decoded to
 * ecCodes' own values (the code streams against JJ2000: {@code codec.jpeg2000.Jpeg2000EccodesStreamsTest}).
 */
class Jpeg2000EccodesTest {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.gsweather.testing.GribSet#jpeg2000Repacked")
    void matchesEcCodes(String file, String settings, int bits) throws Exception {
        Path jpeg = GribSet.jpeg2000(file, settings, false);
        Path ieee = GribSet.jpeg2000(file, settings, true);

        TestMessage message = TestMessage.read(jpeg);
        Jpeg2000Packing packing = message.jpeg2000Packing();
        assertThat(packing.bits()).isEqualTo(bits);
        assertThat(message.jpeg2000Compression()).isEqualTo(settings.contains("typeOfCompressionUsed=1") ? 1 : 0);
        float[] values = new float[message.count()];
        packing.unpack(message.data(), message.count(), values);
        PngPackingTest.assertEqual(values, TestMessage.read(ieee).ieeeValues());
    }
}
