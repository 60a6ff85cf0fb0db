package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.offset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.gsweather.codec.aec.AecDecoder;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.testing.Grib2Walker;
import org.gsweather.testing.GribSet;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Template 5.42 on real GRIB2 files, against ecCodes and wgrib2. */
class CcsdsPackingTest {
    static final String ECMWF = "grib2/grib-rs/20240101000000-0h-oper-fc.grib2.0-10.xz";

    @Test
    void decodesTheEcmwfOpenDataFieldsAsEcCodes() throws Exception {
        Tools.require("grib_set");
        Path file = TestData.file(ECMWF);
        List<Grib2Walker.Field> fields = Grib2Walker.fields(file);
        List<Grib2Walker.Field> reference = Grib2Walker.fields(GribSet.repack(file, "ecmwf.ieee.grib2", "grid_ieee"));
        assertThat(fields).hasSize(10);
        assertThat(reference).hasSize(10);
        for (Grib2Walker.Field f : fields) {
            CcsdsPacking packing = CcsdsFields.packing(f);
            assertThat(packing.flags()).isEqualTo(AecDecoder.PREPROCESS | AecDecoder.MSB | AecDecoder.THREE_BYTE);
            assertThat(packing.blockSize()).isEqualTo(32);
            assertThat(packing.referenceSampleInterval()).isEqualTo(128);
            assertThat(f.bitmapIndicator()).isEqualTo(255);
            assertThat(f.count()).isEqualTo(405_900);
            Grib2Walker.Field r = reference.get(f.message());
            assertThat(r.bitmapIndicator()).isEqualTo(255);
            assertClose(
                    CcsdsFields.unpack(f),
                    r.ieee(),
                    packing,
                    "ECMWF message " + f.message() + " (" + packing.describe() + ")");
        }
        // the set has 12-bit, 8-bit and constant (0-bit) fields
        assertThat(fields.stream().map(f -> CcsdsFields.packing(f).bits()).distinct())
                .containsExactlyInAnyOrder(12, 8, 0);
    }

    @Test
    void decodesTheEcmwfOpenDataFieldsAsGribGetDataPrintsThem() throws DataFormatException {
        Tools.require("grib_get_data");
        Path file = TestData.file(ECMWF);
        List<Grib2Walker.Field> fields = Grib2Walker.fields(file);
        for (int message : new int[] {0, 4}) { // 12 and 8 bits
            Grib2Walker.Field f = fields.get(message);
            String text =
                    Tools.run(List.of("grib_get_data", "-F", "%.10g", "-w", "count=" + (message + 1), file.toString()));
            assertClose(
                    CcsdsFields.unpack(f),
                    gribGetData(text),
                    CcsdsFields.packing(f),
                    "ECMWF message " + message + " (grib_get_data)");
        }
    }

    @Test
    void decodesTheFirstEcmwfFieldAsWgrib2() throws DataFormatException {
        Grib2Walker.Field f = Grib2Walker.fields(TestData.file(ECMWF)).get(0);
        float[] wgrib2 =
                TestData.floats("grib2/grib-rs/gen/ecmwf-realtime-oper-fc-0-le.bin.xz", ByteOrder.LITTLE_ENDIAN);
        float[] ours = CcsdsFields.unpack(f);
        assertThat(ours).hasSameSizeAs(wgrib2);
        assertThat(ours[0]).isCloseTo(9580.285f, offset(0.001f));
        assertClose(ours, wgrib2, CcsdsFields.packing(f), "ECMWF message 0 vs wgrib2");
    }

    /**
     * Fields ecCodes packs with template 5.42 from other real files, at various depths and settings. The
     * flags keep {@link AecDecoder#MSB}: ecCodes 2.28 (installed here) hands libaec big-endian samples
     * whatever the flags say, so without it the coded integers are byte-swapped and only that ecCodes
     * swaps them back; ecCodes since ECC-1602, like this decoder, takes the coded integers as they are.
     */
    static Stream<Arguments> repacked() {
        List<Arguments> a = new ArrayList<>();
        String gdas = "grib2/grib-rs/gdas.t12z.pgrb2.0p25.f000.12.xz";
        for (int bits : new int[] {1, 2, 5, 8, 11, 12, 16, 20, 24, 25, 31, 32}) {
            a.add(Arguments.of(gdas, "bitsPerValue=" + bits));
        }
        a.add(Arguments.of(gdas, "bitsPerValue=16,ccsdsFlags=4,ccsdsBlockSize=8,ccsdsRsi=3"));
        a.add(Arguments.of(gdas, "bitsPerValue=16,ccsdsFlags=12,ccsdsBlockSize=16,ccsdsRsi=7"));
        a.add(Arguments.of(gdas, "bitsPerValue=14,ccsdsFlags=12,ccsdsBlockSize=64,ccsdsRsi=64"));
        a.add(Arguments.of(gdas, "bitsPerValue=24,ccsdsFlags=14,ccsdsBlockSize=8,ccsdsRsi=1"));
        a.add(Arguments.of(gdas, "bitsPerValue=32,ccsdsFlags=4,ccsdsBlockSize=32,ccsdsRsi=4096"));
        a.add(Arguments.of("grib2/noaa/eta.grib2", null)); // 154 fields, 5.0 at their own depths
        a.add(Arguments.of("grib2/noaa/gdaswave.t00z.wcoast.0p16.f000.grib2", null)); // bitmaps
        a.add(Arguments.of("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2", null));
        a.add(Arguments.of("grib2/grib-rs/gdas.t12z.pgrb2.0p25.f000.46.xz", null)); // constant field
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("repacked")
    void decodesFieldsEcCodesPacked(String source, String settings) throws Exception {
        Tools.require("grib_set");
        Path original = TestData.file(source);
        String name = original.getFileName() + (settings == null ? "" : "-" + settings.replace(',', '-'));
        Path ccsds = GribSet.repack(
                original, name + ".ccsds.grib2", "grid_ccsds" + (settings == null ? "" : "," + settings));
        Path ieee = GribSet.repack(ccsds, name + ".ieee.grib2", "grid_ieee");
        List<Grib2Walker.Field> fields = Grib2Walker.fields(ccsds);
        List<Grib2Walker.Field> reference = Grib2Walker.fields(ieee);
        assertThat(fields).hasSameSizeAs(reference).isNotEmpty();
        for (int i = 0; i < fields.size(); i++) {
            Grib2Walker.Field f = fields.get(i);
            Grib2Walker.Field r = reference.get(i);
            assertThat(f.template()).isEqualTo(42);
            assertThat(f.count()).isEqualTo(r.count());
            assertThat(f.bitmapIndicator()).isEqualTo(r.bitmapIndicator());
            if (f.bitmapIndicator() == 0) {
                assertThat(f.section6()).isEqualTo(r.section6());
                assertThat(f.bitmapPoints()).isEqualTo(f.count());
            }
            assertClose(
                    CcsdsFields.unpack(f),
                    r.ieee(),
                    CcsdsFields.packing(f),
                    name + " field " + i + " (" + CcsdsFields.packing(f).describe() + ")");
        }
    }

    @Test
    void decodesTwentyFiveMillionValues() throws Exception {
        Tools.require("grib_set");
        Path original = TestData.file("grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz");
        Path ccsds = GribSet.repack(original, "mrms.ccsds.grib2", "grid_ccsds");
        Path ieee = GribSet.repack(ccsds, "mrms.ieee.grib2", "grid_ieee");
        Grib2Walker.Field f = Grib2Walker.fields(ccsds).get(0);
        assertThat(f.count()).isEqualTo(24_500_000);
        assertClose(CcsdsFields.unpack(f), Grib2Walker.fields(ieee).get(0).ieee(), CcsdsFields.packing(f), "MRMS");
    }

    @Test
    void refusesSignedSamples() {
        Grib2Walker.Field f = Grib2Walker.fields(TestData.file(ECMWF)).get(0);
        CcsdsPacking p = CcsdsFields.packing(f);
        CcsdsPacking signed = new CcsdsPacking(p.scaling(), p.bits(), p.flags() | AecDecoder.SIGNED, 32, 128);
        assertThatThrownBy(() -> signed.unpack(f.data(), f.count(), new float[f.count()]))
                .isInstanceOf(UnsupportedDataException.class)
                .hasMessageContaining("signed");
    }

    @Test
    void reportsTruncatedSection7() {
        Grib2Walker.Field f = Grib2Walker.fields(TestData.file(ECMWF)).get(0);
        ByteBuffer data = f.data();
        for (int length : new int[] {0, 1, 100, data.limit() / 2, data.limit() - 50}) {
            ByteBuffer cut = data.slice(0, length);
            assertThatThrownBy(() -> CcsdsFields.packing(f).unpack(cut, f.count(), new float[f.count()]))
                    .as("section 7 cut to %d of %d octets", length, data.limit())
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void fillsConstantFields() throws DataFormatException {
        Scaling scaling = new Scaling(2731.5f, 0, 1);
        float[] out = new float[5];
        new CcsdsPacking(scaling, 0, 14, 32, 128).unpack(ByteBuffer.allocate(0), 4, out);
        assertThat(out).containsExactly(273.15f, 273.15f, 273.15f, 273.15f, 0f);
    }

    /** The values {@code grib_get_data} prints for one message: "lat lon value" after a header line. */
    private static float[] gribGetData(String text) {
        float[] values = new float[1 << 16];
        int n = -1;
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (text.startsWith("Latitude", start)) {
                assertThat(n).as("one header").isEqualTo(-1);
                n = 0;
            } else if (end > start) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, 2 * n);
                }
                values[n++] = Float.parseFloat(text.substring(text.lastIndexOf(' ', end - 1) + 1, end));
            }
        }
        return Arrays.copyOf(values, n);
    }

    /**
     * Every value within half a packing step (plus float rounding) of the reference, and none missing
     * (these fields have no missing values in section 7); fails at the first value that is not, naming
     * it. Then, as ecCodes, wgrib2 and {@link Scaling} evaluate the same double expression, every value
     * must even be the reference's float.
     */
    static void assertClose(float[] ours, float[] reference, CcsdsPacking packing, String what) {
        assertThat(ours).as(what).hasSameSizeAs(reference);
        double half = packing.halfStep();
        int different = 0;
        for (int i = 0; i < reference.length; i++) {
            float r = reference[i];
            float o = ours[i];
            if (Float.isNaN(o) || Float.isNaN(r) || Math.abs(r) >= 9.999e20f) {
                fail(what + ": value " + i + " is " + o + ", reference " + r + ": no value may be missing");
            }
            double tolerance = half + Math.ulp(Math.max(Math.abs(o), Math.abs(r)));
            if (Math.abs((double) o - r) > tolerance) {
                fail(what + ": value " + i + " of " + reference.length + " is " + o + ", reference " + r
                        + " (tolerance " + tolerance + ")");
            }
            if (Float.floatToIntBits(o) != Float.floatToIntBits(r)) {
                different++;
            }
        }
        assertThat(different)
                .as(what + ": values within tolerance but not the reference's float")
                .isZero();
    }
}
