package org.gsweather.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import org.gsweather.testing.TestData;

/** Real NCEP test files, and the check that ingested fields decode to what the whole file decodes to. */
final class GribFiles {
    private GribFiles() {}

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(TestData.file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HRRR sfc-like file of two messages: surface temperature (template 5.3) and 10 m U (5.0). */
    static byte[] hrrr() {
        byte[] tmp = bytes("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2");
        byte[] ugrd = bytes("grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2");
        byte[] both = new byte[tmp.length + ugrd.length];
        System.arraycopy(tmp, 0, both, 0, tmp.length);
        System.arraycopy(ugrd, 0, both, tmp.length, ugrd.length);
        return both;
    }

    /**
     * Asserts that every field of the ingested file decodes to exactly the values of the same field
     * (parameter, level, position among equals) of the whole published file; returns the fields' names.
     */
    static List<String> assertSameFields(Path ingested, byte[] whole, Path scratch) throws IOException {
        Path full = scratch.resolve("whole-" + System.nanoTime() + ".grib2");
        Files.write(full, whole);
        List<String> names = new ArrayList<>();
        try (Grib2File got = Grib2File.open(ingested);
                Grib2File expected = Grib2File.open(full)) {
            List<Grib2Field> pool = new ArrayList<>(expected.fields());
            for (Grib2Field f : got.fields()) {
                String name = f.info().parameter().shortName() + " | "
                        + f.info().level().label();
                Grib2Field same = pool.stream()
                        .filter(e -> (e.info().parameter().shortName() + " | "
                                                + e.info().level().label())
                                        .equals(name)
                                && e.info().timeRange() == null == (f.info().timeRange() == null))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(name + " is not in the whole file"));
                pool.remove(same);
                float[] a = f.read();
                float[] b = same.read();
                assertThat(a).as(name).hasSameSizeAs(b);
                assertThat(java.util.Arrays.equals(a, b))
                        .as(name + " decodes as in the whole file")
                        .isTrue();
                names.add(name);
            }
        } finally {
            Files.deleteIfExists(full);
        }
        return names;
    }
}
