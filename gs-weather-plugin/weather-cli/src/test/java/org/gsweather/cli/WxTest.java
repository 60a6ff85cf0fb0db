package org.gsweather.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gsweather.testing.TestData;
import org.gsweather.testing.ValueComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WxTest {
    private static final String GDAS = "grib2/grib-rs/gdas.t12z.pgrb2.0p25.f000.12.xz";
    private static final String MEPS =
            "grib2/grib-rs/Z__C_RJTD_20190605000000_MEPS_GPV_Rjp_L-pall_FH00-15_grib2.bin.0-20.xz";

    record Result(int status, String out, String err) {}

    static Result wx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Wx.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void inspectListsOneLinePerFieldWithGridPackingAndBitmap() {
        Result r = wx("inspect", TestData.file(GDAS).toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().lines())
                .containsExactly("1 (1.1)  VRATE [m^2/s] Ventilation Rate | Planetary boundary layer"
                        + " | ref 2023-01-11T12:00Z | +0h valid 2023-01-11T12:00Z | 3.0 regular lat/lon 1440x721"
                        + " | 5.3 complex+spatial diff. order 2 | bitmap no");
    }

    @Test
    void inspectNumbersFieldsOfMultiFieldMessagesLikeGribLsAndShowsMessageDotSubmessage() {
        Result r = wx("inspect", TestData.file(MEPS).toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().toList().get(2)).startsWith("3 (1.3)  TMP [K] Temperature | 975 hPa");
    }

    @Test
    void inspectJsonGivesCodesLevelAndTimes() {
        Result r = wx("inspect", "--json", TestData.file(MEPS).toString());
        assertThat(r.status()).isZero();
        assertThat(r.out())
                .contains("\"field\" : 3,")
                .contains("\"submessage\" : 3,")
                .contains("\"shortName\" : \"TMP\"")
                .contains("\"value\" : 97500.0")
                .contains("\"validTime\" : \"2019-06-05T00:00:00Z\"");
    }

    @Test
    void decodeWritesFloat32LittleEndianInFileOrderLikeWgrib2(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gdas.bin");
        Result r = wx("decode", TestData.file(GDAS).toString(), "--field", "1", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        float[] ours = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(ours);
        float[] wgrib2 = TestData.floats("grib2/grib-rs/gen/gdas-12-wgrib2-le.bin.xz", ByteOrder.LITTLE_ENDIAN);
        assertThat(ours).hasSize(1440 * 721);
        ValueComparison.assertSameValues(
                "wx decode gdas", wgrib2, ours, 0.5 * Math.scalb(1.0, -2) + 1e-3, java.util.List.of());
    }

    @Test
    void locateGivesFractionalIndexNearestPointAndValue() {
        Result r = wx("locate", TestData.file(MEPS).toString(), "--field", "3", "139.75", "35.5");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("index i=")
                .contains("nearest point i=")
                .contains("value=")
                .contains(" K");
    }

    @Test
    void missingFileIsOneLineOnStderrWithStatus1() {
        Result r = wx("inspect", "/nonexistent/file.grib2");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly("wx: /nonexistent/file.grib2: no such file");
    }

    @Test
    void fieldOutOfRangeNamesTheFileAndTheRange() {
        Result r = wx("decode", TestData.file(GDAS).toString(), "--field", "7");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("wx: gdas.t12z.pgrb2.0p25.f000.12: no field 7; the file has 1 field");
    }

    @Test
    void garbageFileIsRejectedClearlyAndVerbosePrintsTheStackTrace(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("garbage.grib2");
        Files.writeString(garbage, "this is not GRIB at all");
        Result quiet = wx("inspect", garbage.toString());
        assertThat(quiet.status()).isEqualTo(1);
        assertThat(quiet.err().lines())
                .containsExactly("wx: garbage.grib2: no GRIB message found in 23 bytes; not a GRIB file");
        Result verbose = wx("inspect", "--verbose", garbage.toString());
        assertThat(verbose.err()).contains("DataFormatException").contains("\tat ");
    }

    private static final String AIR = "netcdf/cf/air.nc";
    private static final String RADM =
            "netcdf/goes/OR_ABI-L1b-RadM1-M6C13_G17_s20193351027275_e20193351027344_c20193351027405.nc";

    @Test
    void inspectListsNetcdfSlicesWithIndexTimesGridAndPacking() {
        Result r = wx("inspect", TestData.file(AIR).toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().toList())
                .hasSize(124)
                .last()
                .isEqualTo(
                        "124  air [time=123] [degK] 4xDaily Air temperature at sigma level 995 | no level"
                                + " | ref 2014-10-31T18:00Z | +0h valid 2014-10-31T18:00Z | lat/lon 21x11 | short packed *0.01 +0.0");
    }

    @Test
    void decodeNetcdfVariableWritesUnpackedFloat32InStoredOrder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("rad.bin");
        Result r = wx("decode", TestData.file(RADM).toString(), "--variable", "Rad", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes).hasSize(500 * 500 * 4);
        // Rad[0][0] = 765 (ncdump) * 0.04572892f + -1.6443f
        assertThat(b.getFloat(0)).isCloseTo(765 * 0.04572892f - 1.6443f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void decodeNetcdfIndexFixesDimensionsAndWrongIndexIsOneLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("air.bin");
        Result r = wx(
                "decode",
                TestData.file(AIR).toString(),
                "--variable",
                "air",
                "--index",
                "time=2",
                "--out",
                out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.size(out)).isEqualTo(11 * 21 * 4);
        Result bad = wx("decode", TestData.file(AIR).toString(), "--variable", "air", "--index", "level=0");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err().strip())
                .isEqualTo("wx: air.nc: variable air has no dimension level; its dimensions are (time=124, lat=11,"
                        + " lon=21)");
    }

    @Test
    void locateNetcdfByVariableAndIndex() {
        Result r = wx("locate", TestData.file(AIR).toString(), "--variable", "air", "--index", "time=0", "260", "60");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("field 1: air [time=0]")
                .contains("index i=4.000000 j=6.000000")
                .contains("nearest point i=4 j=6 lon=260.000000 lat=60.000000 value=");
    }
}
