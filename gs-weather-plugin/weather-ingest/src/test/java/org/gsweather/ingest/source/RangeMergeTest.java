package org.gsweather.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.gsweather.ingest.Ingester;
import org.gsweather.ingest.testing.FakeNoaa.Logged;
import org.gsweather.ingest.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ten fields out of large multi-field NCEP files: the messages' byte ranges are joined into at most
 * three requests, which carry less than a tenth of the file, and the result holds exactly those fields.
 */
class RangeMergeTest {
    private static final String TEN_FIELDS = """
            ["HGT | 500 hPa (Isobaric surface)", "TMP | 500 hPa (Isobaric surface)", "RH | 500 hPa (Isobaric surface)",
             "UGRD | 500 hPa (Isobaric surface)", "VGRD | 500 hPa (Isobaric surface)",
             "HGT | 850 hPa (Isobaric surface)", "TMP | 850 hPa (Isobaric surface)", "RH | 850 hPa (Isobaric surface)",
             "UGRD | 850 hPa (Isobaric surface)", "VGRD | 850 hPa (Isobaric surface)"]""";

    @ParameterizedTest(name = "{0} {1}, mergeGap {6}")
    @CsvSource({
        // file, kind, bucket, key, run, hour, mergeGap, local name
        "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2, gfs, noaa-gfs-bdp-pds, gfs.20110110/12/atmos/gfs.t12z.pgrb2.0p25.f120,"
                + " 2011-01-10T12:00:00Z, 120, 64KB, gfs.20110110.t12z.pgrb2.0p25.f120.grib2",
        "grib2/noaa/eta.grib2, nam, noaa-nam-pds, nam.20041208/nam.t12z.awphys24.tm00.grib2,"
                + " 2004-12-08T12:00:00Z, 24, 0, nam.20041208.t12z.awphys24.tm00.grib2",
        "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2, nam, noaa-nam-pds, nam.20070124/nam.t00z.awphys12.tm00.grib2,"
                + " 2007-01-24T00:00:00Z, 12, 0, nam.20070124.t00z.awphys12.tm00.grib2",
    })
    void tenFieldsCostATenthOfTheFileInThreeRequests(
            String file,
            String kind,
            String bucket,
            String key,
            Instant run,
            int hour,
            String mergeGap,
            String local,
            @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        byte[] whole = GribFiles.bytes(file);
        try (Fixture fx = new Fixture(dir, run.plus(Duration.ofHours(2)))) {
            fx.publishGrib(bucket, key, whole, Instant.MIN, Instant.MIN);
            String yaml = """
                    mergeGap: %s
                    sources:
                      model:
                        kind: %s
                        baseUrl: ${bucket:%s}
                        store: store
                        forecastHours: %d
                        cycles: [%d]
                        fields: %s
                    """.formatted(
                            mergeGap,
                            kind,
                            bucket,
                            hour,
                            run.atZone(java.time.ZoneOffset.UTC).getHour(),
                            TEN_FIELDS);
            try (Ingester ingester = fx.ingester(yaml)) {
                assertThat(ingester.runOnce()).isTrue();
            }
            Path ingested = dir.resolve("store").resolve(local);
            List<String> fields = GribFiles.assertSameFields(ingested, whole, dir);
            assertThat(fields).hasSize(10);
            List<Logged> gets = fx.noaa.requests(bucket, key);
            long transferred = gets.stream().mapToLong(Logged::bodyBytes).sum();
            System.out.printf(
                    Locale.ROOT,
                    "range merge: %s: 10 of its fields, %d of %d bytes (%.1f %%) in %d requests (%s), file written %d bytes%n",
                    file,
                    transferred,
                    whole.length,
                    100.0 * transferred / whole.length,
                    gets.size(),
                    gets.stream().map(Logged::range).toList(),
                    Files.size(ingested));
            assertThat(gets.size()).isLessThanOrEqualTo(3);
            assertThat(transferred).isLessThan(whole.length / 10);
        }
    }
}
