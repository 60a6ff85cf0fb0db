package org.gsweather.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.gsweather.testing.Grib2Walker;
import org.gsweather.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our JPEG 2000 decoder against JJ2000 on every template 5.40 field of the test data. */
class Jpeg2000DecoderTest {

    static Stream<String> files() {
        return Stream.of(
                "grib2/grib-rs/CMC_glb_TMP_ISBL_1_latlon.24x.24_2021051800_P000.grib2",
                "grib2/grib-rs/20260219T00Z_MSC_HRDPS_CAPE_Sfc_RLatLon0.0225_PT000H.grib2",
                "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2",
                "grib2/noaa/gdaswave.t00z.wcoast.0p16.f000.grib2",
                "grib2/pygrib/safrica.grib2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void decodesEveryFieldAsJj2000(String file) throws Exception {
        List<Grib2Walker.Field> fields = Grib2Walker.fields(TestData.file(file));
        int decoded = 0;
        for (Grib2Walker.Field f : fields) {
            if (f.template() != 40 || f.bitsPerValue() == 0) {
                continue;
            }
            byte[] stream = bytes(f.data());
            int count = pixels(f);
            int[] ours = J2kDecoder.decode(stream, count);
            int[] jj2000 = Jj2000Decoder.decode(stream, count);
            assertThat(ours).as("%s message %d", file, f.message()).isEqualTo(jj2000);
            decoded++;
        }
        assertThat(decoded).isPositive();
    }

    /** Samples of the image: section 5's count, or with a bitmap the points the bitmap sets. */
    static int pixels(Grib2Walker.Field f) {
        return f.count();
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(b.position(), a);
        return a;
    }
}
