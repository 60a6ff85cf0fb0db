package org.gsweather.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gsweather.grib2.Grib2File;
import org.gsweather.ingest.Ingester;
import org.gsweather.ingest.testing.FakeNoaa;
import org.gsweather.ingest.testing.FakeNoaa.Logged;
import org.gsweather.ingest.testing.Fixture;
import org.gsweather.ingest.testing.StoreWatcher;
import org.gsweather.netcdf.NetcdfFile;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MRMS and GOES: files found by S3 ListObjectsV2 listings (paginated) or HTML directory index pages, downloaded
 * whole, verified.
 */
class ListedSourcesTest {
    private static final String MRMS = "MRMS_ReflectivityAtLowestAltitude_00.50_20230406-%s.grib2";

    @TempDir
    Path dir;

    @Test
    void mrmsVolumesOfTheLookbackWindowAreFetchedAndDecompressed() throws Exception {
        byte[] gz = Fixture.mrmsGz();
        byte[] grib = Files.readAllBytes(Fixture.mrmsGrib());
        String bucket = "noaa-mrms-pds";
        String prefix = "CONUS/ReflectivityAtLowestAltitude_00.50/20230406/";
        List<String> times = List.of("115839", "120039", "120239", "120439", "120639", "120839", "121039");
        try (Fixture fx = new Fixture(dir, Instant.parse("2023-04-06T12:11:00Z"));
                StoreWatcher watcher = new StoreWatcher(dir.resolve("mrms"))) {
            for (String t : times) {
                fx.noaa.put(bucket, prefix + MRMS.formatted(t) + ".gz", gz);
            }
            fx.noaa.put(bucket, prefix + "MRMS_OtherProduct_00.50_20230406-120439.grib2.gz", gz);
            fx.noaa.pageSize(2);
            fx.noaa.fault(bucket, prefix + MRMS.formatted("120639") + ".gz", new FakeNoaa.DropAfter(300_000));
            String yaml = """
                    sources:
                      mrms:
                        kind: mrms
                        product: ReflectivityAtLowestAltitude_00.50
                        baseUrl: ${bucket:noaa-mrms-pds}
                        store: mrms
                        lookback: 10m
                        keep: {age: 1h}
                    """;
            try (Ingester ingester = fx.ingester(yaml)) {
                assertThat(ingester.runOnce()).isTrue();
            }
            // 12:01:00 to 12:11:00: five volumes; 11:58:39 and 12:00:39 are older than the lookback.
            List<String> expected =
                    times.subList(2, 7).stream().map(MRMS::formatted).toList();
            assertHoldsExactly(dir.resolve("mrms"), expected, grib);
            try (Grib2File got = Grib2File.open(dir.resolve("mrms").resolve(expected.get(0)));
                    Grib2File whole = Grib2File.open(Fixture.mrmsGrib())) {
                assertThat(java.util.Arrays.equals(
                                got.field(1).read(), whole.field(1).read()))
                        .isTrue();
            }
            // Listed with start-after the window's start, then by continuation tokens two keys a page.
            List<Logged> listings = fx.noaa.log().stream()
                    .filter(l -> l.path().contains("list-type=2"))
                    .toList();
            assertThat(listings).hasSize(3);
            assertThat(listings.get(0).path()).contains("start-after=");
            assertThat(listings.get(1).path()).contains("continuation-token=");
            assertThat(fx.noaa.requests(bucket, prefix + MRMS.formatted("120639") + ".gz"))
                    .extracting(Logged::range)
                    .element(1)
                    .asString()
                    .startsWith("bytes=");
            assertThat(watcher.violations()).isEmpty();
        }
    }

    @Test
    void mrmsVolumesAreFoundOnNcepsDirectoryIndexPages() throws Exception {
        byte[] gz = Fixture.mrmsGz();
        byte[] grib = Files.readAllBytes(Fixture.mrmsGrib());
        String site = "mrms";
        String folder = "data/2D/ReflectivityAtLowestAltitude/";
        List<String> times = List.of("115839", "120039", "120239", "120439", "120639");
        try (Fixture fx = new Fixture(dir, Instant.parse("2023-04-06T12:08:00Z"));
                StoreWatcher watcher = new StoreWatcher(dir.resolve("mrms"))) {
            for (String t : times) {
                fx.noaa.put(site, folder + MRMS.formatted(t) + ".gz", gz);
            }
            // Published later than the clock's now: not on the page yet.
            fx.noaa.put(site, folder + MRMS.formatted("120839") + ".gz", gz, Instant.parse("2023-04-06T12:09:10Z"));
            fx.noaa.put(site, folder + "MRMS_ReflectivityAtLowestAltitude.latest.grib2.gz", gz);
            fx.noaa.put(site, "data/2D/PrecipRate/MRMS_PrecipRate_00.00_20230406-120400.grib2.gz", gz);
            fx.noaa.fault(site, folder, new FakeNoaa.Status(503, "0"));
            String yaml = """
                    sources:
                      mrms:
                        kind: mrms
                        product: ReflectivityAtLowestAltitude_00.50
                        listing: index
                        baseUrl: ${bucket:mrms}/data/2D/
                        store: mrms
                        lookback: 8m
                    """;
            try (Ingester ingester = fx.ingester(yaml)) {
                assertThat(ingester.runOnce()).isTrue();
            }
            // 12:00:00 to 12:08:00: four volumes; not the .latest copy, another product or 11:58:39.
            List<String> expected =
                    times.subList(1, 5).stream().map(MRMS::formatted).toList();
            assertHoldsExactly(dir.resolve("mrms"), expected, grib);
            // The page was asked for again after its 503; no bucket listing was tried.
            assertThat(fx.noaa.requests(site, folder))
                    .extracting(Logged::status)
                    .containsExactly(503, 200);
            assertThat(fx.noaa.log()).noneMatch(l -> l.path().contains("list-type"));
            // Each volume's line counts the poll's volumes.
            assertThat(fx.progress())
                    .contains("mrms 2023-04-06T12:06Z: 0/4 files in the store, fetching the rest")
                    .contains(": 4/4 files, ")
                    .doesNotContain("Z: (");
            assertThat(watcher.violations()).isEmpty();
        }
    }

    @Test
    void goesScansOfTheWantedBandAreFetchedAndOpenAsNetcdf() throws Exception {
        String c04 = "OR_ABI-L1b-RadC-M6C04_G17_s20193002001196_e20193002003569_c20193002004076.nc";
        String m13 = "OR_ABI-L1b-RadM1-M6C13_G17_s20193351027275_e20193351027344_c20193351027405.nc";
        byte[] conus = Files.readAllBytes(TestData.file("netcdf/goes/" + c04));
        byte[] meso = Files.readAllBytes(TestData.file("netcdf/goes/" + m13));
        String bucket = "noaa-goes17";
        try (Fixture fx = new Fixture(dir, Instant.parse("2019-10-27T20:10:00Z"));
                StoreWatcher watcher = new StoreWatcher(dir.resolve("goes"))) {
            fx.noaa.put(bucket, "ABI-L1b-RadC/2019/300/20/" + c04, conus);
            // another band of the same scan, and a scan from before the lookback window
            fx.noaa.put(bucket, "ABI-L1b-RadC/2019/300/20/" + c04.replace("C04", "C13"), conus);
            fx.noaa.put(bucket, "ABI-L1b-RadC/2019/300/19/" + c04.replace("s2019300200", "s2019300190"), conus);
            fx.noaa.pageSize(1);
            fx.noaa.fault(bucket, "ABI-L1b-RadC/2019/300/20/" + c04, new FakeNoaa.ShortBody(1_000_000));
            String yaml = """
                    sources:
                      goes-west:
                        kind: goes
                        satellite: goes17
                        product: ABI-L1b-RadC
                        bands: [4]
                        baseUrl: ${bucket:noaa-goes17}
                        store: goes
                        lookback: 30m
                    """;
            try (Ingester ingester = fx.ingester(yaml)) {
                assertThat(ingester.runOnce()).isTrue();
            }
            assertThat(Files.list(dir.resolve("goes"))
                            .map(p -> p.getFileName().toString())
                            .filter(n -> !n.startsWith(".")))
                    .containsExactly(c04);
            assertThat(Files.readAllBytes(dir.resolve("goes").resolve(c04))).isEqualTo(conus);
            try (NetcdfFile nc = NetcdfFile.open(dir.resolve("goes").resolve(c04))) {
                assertThat(nc.variableNames()).contains("Rad");
            }
            assertThat(fx.noaa.requests(bucket, "ABI-L1b-RadC/2019/300/20/" + c04))
                    .extracting(Logged::range)
                    .containsExactly(null, "bytes=1000000-");

            // A mesoscale sector of another day, from a second source on the same bucket.
            fx.clock.set(Instant.parse("2019-12-01T10:40:00Z"));
            fx.noaa.put(bucket, "ABI-L1b-RadM/2019/335/10/" + m13, meso);
            fx.noaa.put(bucket, "ABI-L1b-RadM/2019/335/10/" + m13.replace("RadM1", "RadM2"), meso);
            String meso1 = yaml.replace("goes-west", "goes-west-meso1")
                    .replace("ABI-L1b-RadC", "ABI-L1b-RadM")
                    .replace("bands: [4]", "bands: [13]\n    sector: 1")
                    .replace("store: goes", "store: meso");
            try (Ingester ingester = fx.ingester(meso1)) {
                assertThat(ingester.runOnce()).isTrue();
            }
            assertThat(Files.list(dir.resolve("meso"))
                            .map(p -> p.getFileName().toString())
                            .filter(n -> !n.startsWith(".")))
                    .containsExactly(m13);
            assertThat(watcher.violations()).isEmpty();
        }
    }

    @Test
    void aNetcdfFileCutShortIsNeverPlaced() throws Exception {
        String c04 = "OR_ABI-L1b-RadC-M6C04_G17_s20193002001196_e20193002003569_c20193002004076.nc";
        byte[] conus = Files.readAllBytes(TestData.file("netcdf/goes/" + c04));
        byte[] cut = java.util.Arrays.copyOf(conus, conus.length / 2);
        try (Fixture fx = new Fixture(dir, Instant.parse("2019-10-27T20:10:00Z"))) {
            // The bucket itself holds half a file (its listing says so): it opens as no NetCDF file.
            fx.noaa.put("noaa-goes17", "ABI-L1b-RadC/2019/300/20/" + c04, cut);
            String yaml = """
                    retries: {attempts: 2}
                    sources:
                      goes-west:
                        kind: goes
                        satellite: goes17
                        product: ABI-L1b-RadC
                        baseUrl: ${bucket:noaa-goes17}
                        store: goes
                    """;
            try (Ingester ingester = fx.ingester(yaml)) {
                assertThat(ingester.runOnce()).isFalse();
            }
            assertThat(dir.resolve("goes").resolve(c04)).doesNotExist();
            assertThat(fx.progress()).contains("error: " + c04 + ": not a readable NetCDF file");
            assertThat(dir.resolve("goes/.partial")).isEmptyDirectory();
        }
    }

    @Test
    void followingPicksUpNewVolumes() throws Exception {
        byte[] gz = Fixture.mrmsGz();
        String prefix = "CONUS/ReflectivityAtLowestAltitude_00.50/20230406/";
        Instant start = Instant.parse("2023-04-06T12:01:00Z");
        try (Fixture fx = new Fixture(dir, start)) {
            for (int k = 0; k < 4; k++) {
                Instant at = Instant.parse("2023-04-06T12:00:39Z").plus(Duration.ofMinutes(2L * k));
                String t = at.toString().substring(11, 19).replace(":", "");
                fx.noaa.put("noaa-mrms-pds", prefix + MRMS.formatted(t) + ".gz", gz, at.plusSeconds(30));
            }
            String yaml = """
                    sources:
                      mrms:
                        kind: mrms
                        product: ReflectivityAtLowestAltitude_00.50
                        baseUrl: ${bucket:noaa-mrms-pds}
                        store: mrms
                        poll: 1m
                        keep: {runs: 2}
                    """;
            Path last = dir.resolve("mrms").resolve(MRMS.formatted("120639"));
            try (Ingester ingester = fx.ingester(yaml)) {
                ingester.follow(
                        () -> Files.exists(last) || fx.clock.instant().isAfter(start.plus(Duration.ofHours(1))));
            }
            // Each volume came as it was published; retention kept the newest two.
            assertThat(Files.list(dir.resolve("mrms"))
                            .map(p -> p.getFileName().toString())
                            .filter(n -> !n.startsWith(".")))
                    .containsExactlyInAnyOrder(MRMS.formatted("120439"), MRMS.formatted("120639"));
            assertThat(fx.progress()).contains(MRMS.formatted("120039"), MRMS.formatted("120239"));
        }
    }

    /** The store directory holds these files (besides its hidden ones), each with exactly these bytes. */
    private static void assertHoldsExactly(Path store, List<String> names, byte[] bytes) throws java.io.IOException {
        try (var files = Files.list(store)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactlyInAnyOrderElementsOf(names);
        }
        for (String name : names) {
            assertThat(Files.readAllBytes(store.resolve(name))).as(name).isEqualTo(bytes);
        }
    }
}
