package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear error naming the file, the message or field and what is wrong; nothing else. */
class Grib2BadInputTest {
    /** GFS 2.5 degrees: 345 fields with and without bitmaps, template 5.3. */
    static final String GFS = "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2";
    /** JMA MEPS: multi-field messages. */
    static final String MEPS = "grib2/grib-rs/Z__C_RJTD_20190605000000_MEPS_GPV_Rjp_L-pall_FH00-15_grib2.bin.0-20.xz";

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** The first message of a test file. */
    static byte[] firstMessage(String relative) throws IOException {
        byte[] all = Files.readAllBytes(TestData.file(relative));
        long length = ByteBuffer.wrap(all).getLong(8);
        return Arrays.copyOf(all, (int) length);
    }

    /** Start offsets of sections 1..7 of a message (first occurrence of each), index = section number. */
    static int[] sectionStarts(byte[] m) {
        int[] starts = new int[8];
        Arrays.fill(starts, -1);
        ByteBuffer b = ByteBuffer.wrap(m);
        int p = 16;
        while (p < m.length - 4) {
            int number = m[p + 4];
            if (starts[number] < 0) {
                starts[number] = p;
            }
            p += b.getInt(p);
        }
        return starts;
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("empty.grib2", new byte[0]);
        assertThatThrownBy(() -> Grib2File.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("empty.grib2: empty file, not GRIB2");
    }

    @Test
    void garbage() throws IOException {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        Path p = write("junk.bin", junk);
        assertThatThrownBy(() -> Grib2File.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("junk.bin: no GRIB message found in 4096 bytes; not a GRIB file");
    }

    @Test
    void gribEditionOne() throws IOException {
        byte[] grib1 = new byte[64];
        System.arraycopy("GRIB".getBytes(), 0, grib1, 0, 4);
        grib1[6] = 64; // 3-octet length
        grib1[7] = 1; // edition
        Path p = write("old.grb", grib1);
        assertThatThrownBy(() -> Grib2File.open(p))
                .isInstanceOf(UnsupportedDataException.class)
                .hasMessage("old.grb: message 1 at offset 0: GRIB edition 1 is not supported, only GRIB2");
    }

    @ParameterizedTest(name = "truncated inside section {0}")
    @ValueSource(ints = {0, 1, 3, 4, 5, 6, 7, 8})
    void fileTruncatedInsideAnySection(int section) throws IOException {
        byte[] m = firstMessage(GFS);
        int[] starts = sectionStarts(m);
        int cut = switch (section) {
            case 0 -> 9;
            case 8 -> m.length - 2; // inside "7777"
            default -> starts[section] + 3;
        };
        Path p = write("cut.grib2", Arrays.copyOf(m, cut));
        String expected = section == 0
                ? "cut.grib2: message 1 at offset 0: file ends inside section 0 (truncated)"
                : "cut.grib2: message 1 at offset 0: total length " + m.length + " runs past the end of the file ("
                        + cut + " octets left): file truncated or length wrong";
        assertThatThrownBy(() -> Grib2File.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(expected);
    }

    @Test
    void secondMessageTruncatedNamesThatMessage() throws IOException {
        byte[] all = Files.readAllBytes(TestData.file(GFS));
        long first = ByteBuffer.wrap(all).getLong(8);
        Path p = write("gfs-cut.grib2", Arrays.copyOf(all, (int) first + 100));
        assertThatThrownBy(() -> Grib2File.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("gfs-cut.grib2: message 2 at offset " + first + ": total length");
    }

    @Test
    void totalLengthTooShortMissesTheEndMarker() throws IOException {
        byte[] m = firstMessage(GFS);
        ByteBuffer.wrap(m).putLong(8, m.length - 10);
        Path p = write("short.grib2", m);
        assertThatThrownBy(() -> Grib2File.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("short.grib2: message 1 at offset 0: no \"7777\" at the end of the " + (m.length - 10)
                        + " octets that section 0 announces: length wrong or message truncated");
    }

    @Test
    void totalLengthTooLongRunsPastTheFile() throws IOException {
        byte[] m = firstMessage(GFS);
        ByteBuffer.wrap(m).putLong(8, 1L << 40);
        Path p = write("long.grib2", m);
        assertThatThrownBy(() -> Grib2File.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("long.grib2: message 1 at offset 0: implausible total length 1099511627776 in section 0");
    }

    @Test
    void missingEndMarker() throws IOException {
        byte[] m = firstMessage(GFS);
        m[m.length - 1] = '6';
        Path p = write("no7777.grib2", m);
        assertThatThrownBy(() -> Grib2File.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no \"7777\" at the end");
    }

    @Test
    void sectionLengthRunningPastTheMessage() throws IOException {
        byte[] m = firstMessage(GFS);
        int s5 = sectionStarts(m)[5];
        ByteBuffer.wrap(m).putInt(s5, 1_000_000);
        Path p = write("s5.grib2", m);
        assertThatThrownBy(() -> Grib2File.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("s5.grib2: message 1 at offset 0: section 5 at octet " + (s5 + 1)
                        + " has length 1000000, which runs past the end of the message");
    }

    @Test
    void unstructuredGridIsListedButRefusedByName() throws IOException {
        String icon = "grib2/grib-rs/icon_global_icosahedral_single-level_2021112018_000_TOT_PREC.grib2";
        try (Grib2File f = Grib2File.open(TestData.file(icon))) {
            Grib2Field field = f.field(1);
            assertThat(field.gridTemplate()).isEqualTo(101);
            assertThatThrownBy(field::read)
                    .isInstanceOf(UnsupportedDataException.class)
                    .hasMessage(
                            "icon_global_icosahedral_single-level_2021112018_000_TOT_PREC.grib2: field 1 (message 1.1"
                                    + " at offset 0): grid definition template 3.101 (general unstructured grid) is not supported");
        }
    }

    @Test
    void ncepRotatedStaggeredGridIsRefusedByName() throws IOException {
        try (Grib2File f = Grib2File.open(TestData.file("grib2/pygrib/rap.wrfnat.grib2"))) {
            assertThatThrownBy(() -> f.field(1).grid())
                    .isInstanceOf(UnsupportedDataException.class)
                    .hasMessageContaining("grid definition template 3.32769")
                    .hasMessageEndingWith("is not supported");
        }
    }

    @Test
    void quasiRegularGridIsRefusedByName() throws IOException {
        try (Grib2File f = Grib2File.open(TestData.file("grib2/pygrib/reduced_latlon_surface.grib2"))) {
            assertThatThrownBy(() -> f.field(1).read())
                    .isInstanceOf(UnsupportedDataException.class)
                    .hasMessageEndingWith(
                            "quasi-regular grid (list of 2-octet numbers of points per row) is not supported");
        }
    }

    @Test
    void unsupportedPackingIsRefusedByName() throws IOException {
        byte[] m = firstMessage(GFS);
        int s5 = sectionStarts(m)[5];
        ByteBuffer.wrap(m).putShort(s5 + 9, (short) 50); // template 5.50, spectral data
        Path p = write("spectral.grib2", m);
        try (Grib2File f = Grib2File.open(p)) {
            assertThat(f.field(1).packingDescription()).isEqualTo("5.50 (unsupported)");
            assertThatThrownBy(() -> f.field(1).read())
                    .isInstanceOf(UnsupportedDataException.class)
                    .hasMessage("spectral.grib2: field 1 (message 1.1 at offset 0): data representation template 5.50"
                            + " (spectral data, simple packing) is not supported");
        }
    }

    @Test
    void bitmapThatDisagreesWithThePackedCount() throws IOException {
        // First GFS field with a bitmap: clear all its bits.
        byte[] all = Files.readAllBytes(TestData.file(GFS));
        try (Grib2File f = Grib2File.open(TestData.file(GFS))) {
            Grib2Field withBitmap = f.fields().stream()
                    .filter(Grib2Field::hasBitmap)
                    .findFirst()
                    .orElseThrow();
            int start = (int) withBitmap.messageOffset();
            long length = ByteBuffer.wrap(all).getLong(start + 8);
            byte[] m = Arrays.copyOfRange(all, start, start + (int) length);
            int s6 = sectionStarts(m)[6];
            int s6len = ByteBuffer.wrap(m).getInt(s6);
            Arrays.fill(m, s6 + 6, s6 + s6len, (byte) 0);
            Path p = write("bitmap.grib2", m);
            try (Grib2File bad = Grib2File.open(p)) {
                assertThatThrownBy(() -> bad.field(1).read())
                        .isInstanceOf(DataFormatException.class)
                        .hasMessageMatching("bitmap.grib2: field 1 \\(message 1.1 at offset 0\\): bitmap marks 0 points"
                                + " present, section 5 packs \\d+ values");
            }
        }
    }

    @Test
    void unknownFieldNumberNamesTheRange() throws IOException {
        try (Grib2File f = Grib2File.open(TestData.file(MEPS))) {
            assertThatThrownBy(() -> f.field(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "Z__C_RJTD_20190605000000_MEPS_GPV_Rjp_L-pall_FH00-15_grib2.bin.0-20: no field 0; the file has ");
        }
    }

    /** All field errors of a file, to check that one bad field does not hide the others. */
    static List<String> readAll(Grib2File f) {
        List<String> errors = new ArrayList<>();
        for (Grib2Field field : f.fields()) {
            try {
                field.read();
            } catch (IOException e) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }
}
