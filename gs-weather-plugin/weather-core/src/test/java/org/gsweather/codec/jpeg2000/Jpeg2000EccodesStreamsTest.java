package org.gsweather.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gsweather.testing.Grib2Walker;
import org.gsweather.testing.GribSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code streams of template 5.40 fields that ecCodes (with OpenJPEG) packs at various depths,
 * lossless and lossy: our decoder gives JJ2000's integers (the values against ecCodes' own are {@code
 * grib2.Jpeg2000EccodesTest}).
 */
class Jpeg2000EccodesStreamsTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.gsweather.testing.GribSet#jpeg2000Repacked")
    void decodesAsJj2000(String file, String settings, int bits) throws Exception {
        Path jpeg = GribSet.jpeg2000(file, settings, false);
        Grib2Walker.Field field = Grib2Walker.fields(jpeg).get(0);
        byte[] stream = field.dataBytes();
        int[] ours = J2kDecoder.decode(stream, field.count());
        assertThat(ours).hasSize(field.count());
        if (bits < 29) { // JJ2000 gets 29 bits wrong (ecCodes and our decoder agree)
            assertThat(ours).isEqualTo(Jj2000Decoder.decode(stream, field.count()));
        }
    }
}
