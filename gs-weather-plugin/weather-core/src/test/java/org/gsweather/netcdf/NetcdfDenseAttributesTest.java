package org.gsweather.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.HdfFile;
import io.jhdf.ObjectHeader;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.message.AttributeInfoMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.field.DataFormatException;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attributes in dense storage (a fractal heap) that jHDF 0.13.0 cannot read: every GOES ABI file's global
 * attributes, the fire product's {@code Mask}, and heaps with child indirect blocks, against {@code ncdump -h}
 * (netCDF-C) and the values written; a corrupt heap fails clearly.
 */
@Timeout(60)
class NetcdfDenseAttributesTest {
    private static final Pattern CDL_ATTRIBUTE = Pattern.compile("^\t\t(?:\\w+ )?([^:\\s]*):(\\S+) = (.*) ;$");
    private static final Pattern CDL_NUMBER =
            Pattern.compile("([-+]?(?:NaN|Infinity|[0-9]*\\.?[0-9]*(?:e[-+]?[0-9]+)?))(ub|us|ull|ll|u|b|s|f)?");

    @ParameterizedTest
    @ValueSource(strings = {NetcdfReferenceTest.RADC, NetcdfReferenceTest.RADM, NetcdfReferenceTest.FDCC})
    void goesAttributesOfTheFileAndEveryVariableEqualNcdump(String file) throws Exception {
        Path path = TestData.file(file);
        Map<String, Map<String, String>> expected = ncdump(path);
        try (NetcdfFile nc = NetcdfFile.open(path)) {
            assertThat(nc.warnings()).isEmpty();
            assertSameAttributes("global", expected.get(""), nc.dataset().attributes());
            for (NcVariable v : nc.dataset().variables()) {
                assertSameAttributes(v.name(), expected.getOrDefault(v.name(), Map.of()), v.attributes());
            }
        }
    }

    @Test
    void goesGlobalAttributesBeyondTheBlocksJhdfLoads() throws Exception {
        Path path = TestData.file(NetcdfReferenceTest.RADC);
        try (HdfFile hdf = new HdfFile(path)) {
            assertThatThrownBy(hdf::getAttributes).isInstanceOf(HdfException.class); // why the fallback exists
        }
        try (NetcdfFile nc = NetcdfFile.open(path)) {
            Map<String, String> g = nc.globalAttributes();
            assertThat(g).hasSize(30);
            assertThat(g).containsEntry("platform_ID", "G17");
            assertThat(g).containsEntry("time_coverage_start", "2019-10-27T20:01:19.6Z");
            assertThat(g).containsEntry("spatial_resolution", "2km at nadir");
            assertThat(g).containsEntry("scene_id", "CONUS");
            // the two attributes in the heap's 2 KB block at heap offset 8192, after two empty table entries
            assertThat(g.get("LUT_Filenames"))
                    .hasSize(1620)
                    .startsWith("SpaceLookParams(FM2A_CDRL79RevP_DO_08_00_01)-615350660.0.h5 QTableBand04(")
                    .endsWith(" ICM_SensorCoefficients(FM2A_TMABI_18_159_TMABI_18_533_PR_08_02_01)-616660400.0.h5");
            assertThat(g).containsEntry("id", "b61066b4-8aeb-4bec-bc46-605a4c579976");
            assertThat(g.keySet()).startsWith("naming_authority", "Conventions").endsWith("LUT_Filenames", "id");
        }
    }

    @Test
    void fireMaskAttributes() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file(NetcdfReferenceTest.FDCC))) {
            NcVariable mask = nc.dataset().variable("Mask");
            assertThat(mask.type()).isEqualTo(NcType.SHORT);
            assertThat(mask.attribute("_FillValue"))
                    .isEqualTo(NcAttribute.numbers("_FillValue", NcType.SHORT, new double[] {-99}));
            assertThat(mask.attribute("valid_range").numbers()).containsExactly(0, 245);
            assertThat(mask.attribute("flag_values").type()).isEqualTo(NcType.SHORT);
            assertThat(mask.attribute("flag_values").numbers())
                    .hasSize(45)
                    .startsWith(0, 10, 11, 12, 13, 14, 15, 30)
                    .endsWith(225, 230, 240, 245);
            assertThat(mask.text("flag_meanings"))
                    .hasSize(2173)
                    .startsWith("unprocessed_pixel good_fire_pixel saturated_fire_pixel ")
                    .endsWith(" cloud_edge_pixel_detected_by_along_scan_reflectivity_and_albedo_threshold_test");
            assertThat(mask.text("flag_meanings").split(" ")).hasSize(45);
            assertThat(mask.attribute("number_of_fire_categories"))
                    .isEqualTo(NcAttribute.numbers("number_of_fire_categories", NcType.BYTE, new double[] {6}));
            assertThat(mask.text("long_name")).isEqualTo("ABI L2+ Fire - Hot Spot Characterization: Fire Mask");
            assertThat(mask.text("grid_mapping")).isEqualTo("goes_imager_projection");
            assertThat(mask.attributes()).hasSize(19);
        }
    }

    @Test
    void heapWithChildIndirectBlocks(@TempDir Path dir) throws Exception {
        // 200 attributes of 3000 bytes fill more than the 8 rows of direct blocks (512 KB) of the root indirect
        // block; a 5000-byte attribute is a huge object, which is not supported.
        StringBuilder cdl = new StringBuilder("netcdf heap {\ndimensions: x = 2 ;\nvariables:\n  float v(x) ;\n");
        for (int k = 0; k < 200; k++) {
            cdl.append("    v:a").append(k).append(" = \"").append(longValue(k)).append("\" ;\n");
        }
        cdl.append("  float h(x) ;\n");
        for (int k = 0; k < 200; k++) {
            cdl.append("    h:a").append(k).append(" = \"").append(longValue(k)).append("\" ;\n");
        }
        cdl.append("    h:big = \"").append("b".repeat(5000)).append("\" ;\n  float ok(x) ;\n}\n");
        Path p = NetcdfFieldsTest.ncgen(dir, cdl.toString());
        try (HdfFile hdf = new HdfFile(p)) {
            assertThatThrownBy(() -> hdf.getDatasetByPath("v").getAttributes()).isInstanceOf(HdfException.class);
        }
        try (NetcdfFile nc = NetcdfFile.open(p)) {
            Map<String, String> v = nc.attributes("v");
            assertThat(v).hasSize(200);
            List<String> names = new ArrayList<>(v.keySet());
            for (int k = 0; k < 200; k++) {
                assertThat(names.get(k)).isEqualTo("a" + k); // creation order
                assertThat(v.get("a" + k)).as("a%d", k).isEqualTo(longValue(k));
            }
            assertThat(nc.warnings())
                    .singleElement()
                    .asString()
                    .startsWith(
                            "variable h left out: attributes unreadable (heap.nc: attributes of /h: fractal heap at ")
                    .contains("huge objects are not supported");
            assertThatThrownBy(() -> nc.read("h", Map.of())).hasMessageContaining("variable h cannot be read");
            assertThat(nc.read("ok", Map.of()).values()).hasSize(2);
        }
    }

    private static String longValue(int k) {
        return String.format("%03d-", k).repeat(750);
    }

    @Test
    void corruptDirectBlockFailsItsChecksum(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(TestData.file(NetcdfReferenceTest.FDCC));
        byte[] meaning = "cloud_edge_pixel_detected_by_along_scan_reflectivity_and_albedo_threshold_test"
                .getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(all, meaning, 0);
        assertThat(at).isPositive();
        assertThat(indexOf(all, meaning, at + 1)).isNegative();
        all[at] = 'C'; // a wrong value unless the block's checksum is verified
        Path p = dir.resolve("corrupt.nc");
        Files.write(p, all);
        assertThatThrownBy(() -> NetcdfFile.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("corrupt.nc: attributes of /Mask: fractal heap at ")
                .hasMessageMatching(".*: direct block at \\d+ fails its checksum \\(corrupt file\\)");
    }

    @Test
    void corruptIndirectBlockFailsItsChecksum(@TempDir Path dir) throws Exception {
        Path source = TestData.file(NetcdfReferenceTest.FDCC);
        long heap;
        try (HdfFile hdf = new HdfFile(source)) {
            ObjectHeader header = ObjectHeader.readObjectHeader(
                    hdf.getHdfBackingStorage(), hdf.getDatasetByPath("Mask").getAddress());
            heap = header.getMessageOfType(AttributeInfoMessage.class).getFractalHeapAddress();
        }
        byte[] all = Files.readAllBytes(source);
        // III.G Fractal Heap Indirect Block: "FHIB", version 0, the address of its heap's header
        ByteBuffer signature = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
        signature.put("FHIB".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).putLong(heap);
        int at = indexOf(all, signature.array(), 0);
        assertThat(at).isPositive();
        all[at + 13 + 5] ^= 0x10; // the address of the first direct block
        Path p = dir.resolve("corrupt.nc");
        Files.write(p, all);
        assertThatThrownBy(() -> NetcdfFile.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("corrupt.nc: attributes of /Mask: fractal heap at " + heap + ": indirect block at " + at
                        + " fails its checksum (corrupt file)");
    }

    private static void assertSameAttributes(String owner, Map<String, String> cdl, Map<String, NcAttribute> actual) {
        assertThat(actual.keySet()).as("attributes of %s", owner).containsExactlyInAnyOrderElementsOf(cdl.keySet());
        cdl.forEach((name, value) -> {
            NcAttribute a = actual.get(name);
            String what = owner + ":" + name;
            if (value.startsWith("\"")) {
                assertThat(a.text())
                        .as(what)
                        .isEqualTo(value.substring(1, value.length() - 1)
                                .replace("\\\"", "\"")
                                .replace("\\\\", "\\"));
                return;
            }
            String[] items = value.split(", ");
            assertThat(a.numbers()).as(what).hasSize(items.length);
            for (int k = 0; k < items.length; k++) {
                Matcher m = CDL_NUMBER.matcher(items[k]);
                assertThat(m.matches()).as("%s: CDL number %s", what, items[k]).isTrue();
                String suffix = m.group(2) == null ? "" : m.group(2);
                boolean real =
                        suffix.equals("f") || (suffix.isEmpty() && !m.group(1).matches("[-+]?[0-9]+"));
                NcType type = switch (suffix) {
                    case "b" -> NcType.BYTE;
                    case "ub" -> NcType.UBYTE;
                    case "s" -> NcType.SHORT;
                    case "us" -> NcType.USHORT;
                    case "u" -> NcType.UINT;
                    case "ll" -> NcType.INT64;
                    case "ull" -> NcType.UINT64;
                    case "f" -> NcType.FLOAT;
                    default -> real ? NcType.DOUBLE : NcType.INT;
                };
                assertThat(a.type()).as(what).isEqualTo(type);
                double expected = Double.parseDouble(m.group(1));
                double got = a.numbers()[k];
                // ncdump writes floats with 7 significant digits (%.7g) and doubles with 16 (%.16g)
                double digits = type == NcType.FLOAT ? 6e-7 : 6e-16;
                if (Double.isNaN(expected)) {
                    assertThat(got).as(what).isNaN();
                } else {
                    assertThat(got).as(what).isCloseTo(expected, within(Math.abs(expected) * digits));
                }
            }
        });
    }

    /** Attributes by variable ("" for the file) and name, as the CDL of {@code ncdump -h} writes their values. */
    private static Map<String, Map<String, String>> ncdump(Path file) {
        Tools.require("ncdump");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String line : Tools.run(List.of("ncdump", "-h", file.toString())).split("\n")) {
            Matcher m = CDL_ATTRIBUTE.matcher(line);
            if (m.matches()) {
                out.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), m.group(3));
            }
        }
        return out;
    }

    private static int indexOf(byte[] all, byte[] part, int from) {
        outer:
        for (int i = from; i + part.length <= all.length; i++) {
            for (int k = 0; k < part.length; k++) {
                if (all[i + k] != part[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
