package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gsweather.field.DecodePool;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.testing.EccodesOracle;
import org.gsweather.testing.TestData;
import org.gsweather.testing.ValueComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every GRIB2 test file decoded and compared value by value with the reference
 * decoders: the wgrib2 dumps of {@code grib2/grib-rs/gen} and ecCodes for all the rest, once on the
 * calling thread and once with the help of a pool that splits even small fields into parts.
 */
class Grib2ReferenceTest {
    /** Parts of at least 1000 values: every field larger than 2000 values is split. */
    private static final DecodePool POOL = DecodePool.create(3, 1000);

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    /** How a test decodes a field: on the calling thread or with the pool. */
    enum Decoding {
        SEQUENTIAL,
        PARALLEL;

        float[] readStored(Grib2Field field) throws IOException {
            return this == SEQUENTIAL ? field.readStored() : field.readStored(POOL);
        }
    }

    /** A wgrib2 dump ({@code -order raw -no_header -bin}) of one field. */
    record Wgrib2Dump(String grib, int field, String dump) {
        @Override
        public String toString() {
            return dump + " = field " + field + " of " + grib;
        }
    }

    static Stream<Wgrib2Dump> wgrib2Dumps() {
        String d = "grib2/grib-rs/";
        return Stream.of(
                new Wgrib2Dump(
                        d + "MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz",
                        1,
                        d + "gen/mrms-reflectivity-wgrib2-le.bin.xz"),
                new Wgrib2Dump(d + "gdas.t12z.pgrb2.0p25.f000.12.xz", 1, d + "gen/gdas-12-wgrib2-le.bin.xz"),
                new Wgrib2Dump(d + "gdas.t12z.pgrb2.0p25.f000.46.xz", 1, d + "gen/gdas-46-wgrib2-le.bin.xz"),
                new Wgrib2Dump(d + "ds.critfireo.bin.xz", 1, d + "gen/ds.critfireo.bin.0.xz"),
                new Wgrib2Dump(d + "ds.critfireo.bin.xz", 2, d + "gen/ds.critfireo.bin.1.xz"),
                new Wgrib2Dump(d + "ds.minrh.bin.xz", 1, d + "gen/ds.minrh.bin.0.xz"),
                new Wgrib2Dump(
                        d + "20240101000000-0h-oper-fc.grib2.0-10.xz", 1, d + "gen/ecmwf-realtime-oper-fc-0-le.bin.xz"),
                new Wgrib2Dump(
                        d + "CMC_glb_TMP_ISBL_1_latlon.24x.24_2021051800_P000.grib2",
                        1,
                        d + "gen/cmc-glb-wgrib2-le.bin.xz"),
                new Wgrib2Dump(
                        d + "Z__C_RJTD_20190605000000_MEPS_GPV_Rjp_L-pall_FH00-15_grib2.bin.0-20.xz",
                        3,
                        d + "gen/meps-wgrib2-le.bin.xz"),
                new Wgrib2Dump(
                        d + "Z__C_RJTD_20190304000000_MSM_GUID_Rjp_P-all_FH03-39_Toorg_grib2.bin.xz",
                        1,
                        d + "gen/msmguid-wgrib2-le.bin.xz"),
                new Wgrib2Dump(
                        d
                                + "Z__C_RJTD_20170221120000_MSG_GPV_Gll0p5deg_Pys_B20170221120000_F2017022115-2017022212_grib2.bin.xz",
                        4,
                        d + "gen/kousa-wgrib2-le.bin.xz"),
                new Wgrib2Dump(
                        d + "Z__C_RJTD_20160822020000_NOWC_GPV_Ggis10km_Pphw10_FH0000-0100_grib2.bin",
                        4,
                        d + "gen/tornado-wgrib2-le.bin.xz"),
                new Wgrib2Dump(
                        d + "wind_solar_ind_0.125_20240521_12Z.grib2.0.xz",
                        1,
                        d + "gen/wind_solar_ind_0.125_20240521_12Z.wgrib2-le.bin.xz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wgrib2Dumps")
    void decodesLikeWgrib2(Wgrib2Dump dump) throws IOException {
        try (Grib2File file = Grib2File.open(TestData.file(dump.grib()))) {
            Grib2Field field = file.field(dump.field());
            float[] reference = TestData.floats(dump.dump(), ByteOrder.LITTLE_ENDIAN);
            for (Decoding decoding : Decoding.values()) {
                ValueComparison.assertSameValues(
                        dump + " (" + decoding + ")",
                        reference,
                        decoding.readStored(field),
                        field.halfStep(),
                        field.missingCodes());
            }
        }
    }

    /** Files whose every field ecCodes cannot decode either, for reasons the unsupported tests cover. */
    private static boolean refusedByDesign(String name) {
        return name.startsWith("icon_global_icosahedral") // 3.101 unstructured
                || name.startsWith("rap.wrfnat") // 3.32769 NCEP rotated staggered
                || name.startsWith("reduced_latlon_surface"); // quasi-regular
    }

    @TestFactory
    Stream<DynamicTest> decodesEveryFieldLikeEccodes() {
        Path root = TestData.root();
        EccodesOracle.require();
        List<DynamicTest> tests = new ArrayList<>();
        for (String relative : gribFiles(root)) {
            String name = Path.of(relative).getFileName().toString();
            if (refusedByDesign(name)) {
                continue;
            }
            for (Decoding decoding : Decoding.values()) {
                tests.add(DynamicTest.dynamicTest(
                        relative + " (" + decoding + ")", () -> compareWithEccodes(relative, decoding)));
            }
        }
        return tests.stream();
    }

    private static void compareWithEccodes(String relative, Decoding decoding) throws IOException {
        Path path = TestData.file(relative);
        EccodesOracle oracle = EccodesOracle.of(path, false);
        try (Grib2File file = Grib2File.open(path)) {
            assertThat(file.fields()).as("fields of %s", relative).hasSize(oracle.size());
            int compared = 0;
            for (Grib2Field field : file.fields()) {
                int n = field.number();
                if (!oracle.error(n).isEmpty()) {
                    // ecCodes cannot decode JMA's template 5.200: the wgrib2 dump checks one field of the
                    // nowcast file; for the others, every value must be a level value of section 5.
                    assertThat(field.packing())
                            .as("%s field %d: ecCodes %s", relative, n, oracle.error(n))
                            .isInstanceOf(RunLengthPacking.class);
                    assertOnlyLevelValues(
                            (RunLengthPacking) field.packing(), decoding.readStored(field), relative + " field " + n);
                    continue;
                }
                assertThat(field.discipline()).isEqualTo(Integer.parseInt(oracle.key(n, "discipline")));
                assertThat(field.category()).isEqualTo(Integer.parseInt(oracle.key(n, "parameterCategory")));
                assertThat(field.parameterNumber()).isEqualTo(Integer.parseInt(oracle.key(n, "parameterNumber")));
                float[] ours;
                try {
                    ours = decoding.readStored(field);
                } catch (UnsupportedDataException e) {
                    throw new AssertionError(
                            relative + " field " + n + ": ecCodes decodes it, we refuse: " + e.getMessage(), e);
                }
                ValueComparison.assertSameValues(
                        relative + " field " + n + " (" + field.packingDescription() + ", " + decoding + ")",
                        oracle.values(n),
                        ours,
                        field.halfStep(),
                        field.missingCodes());
                compared++;
            }
            assertThat(compared + runLengthFields(file))
                    .as("fields checked in %s", relative)
                    .isEqualTo(file.fields().size());
        }
    }

    private static long runLengthFields(Grib2File file) {
        return file.fields().stream()
                .filter(f -> f.packing() instanceof RunLengthPacking)
                .count();
    }

    private static void assertOnlyLevelValues(RunLengthPacking packing, float[] values, String what) {
        java.util.Set<Float> levels = new java.util.HashSet<>();
        double factor = Math.pow(10, -packing.decimalScale());
        for (int v : packing.levelValues()) {
            levels.add((float) (v * factor));
        }
        int present = 0;
        for (float v : values) {
            if (v == v) {
                assertThat(levels)
                        .as("%s: decoded value %s is no level value", what, v)
                        .contains(v);
                present++;
            }
        }
        assertThat(present).as("%s: values present", what).isPositive();
    }

    /** Every GRIB2 file under {@code grib2/}, relative to the test data root, without the wgrib2 dumps. */
    static List<String> gribFiles(Path root) {
        Path grib2 = root.resolve("grib2");
        try (Stream<Path> walk = Files.walk(grib2)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().getFileName().toString().equals("gen"))
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
