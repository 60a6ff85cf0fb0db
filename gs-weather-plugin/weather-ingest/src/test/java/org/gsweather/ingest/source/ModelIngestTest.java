package org.gsweather.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gsweather.ingest.Ingester;
import org.gsweather.ingest.testing.FakeNoaa;
import org.gsweather.ingest.testing.FakeNoaa.Logged;
import org.gsweather.ingest.testing.Fixture;
import org.gsweather.ingest.testing.GribRedate;
import org.gsweather.ingest.testing.StoreWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HRRR through a local server laid out like noaa-hrrr-bdp-pds, with the faults real servers have. */
class ModelIngestTest {
    private static final String BUCKET = "noaa-hrrr-bdp-pds";
    private static final Instant RUN = Instant.parse("2023-07-22T06:00:00Z");
    private static final String U10 = "UGRD | 10 m (Specified height level above ground)";
    private static final String TSFC = "TMP | Ground or water surface";

    @TempDir
    Path dir;

    private Fixture fx;
    private StoreWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        fx = new Fixture(dir, RUN.plus(Duration.ofMinutes(90)));
        watcher = new StoreWatcher(dir.resolve("hrrr"));
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
        fx.close();
        assertThat(watcher.violations())
                .as("files seen incomplete in the store")
                .isEmpty();
    }

    private static String key(int hour) {
        return String.format("hrrr.20230722/conus/hrrr.t06z.wrfsfcf%02d.grib2", hour);
    }

    private static String local(int hour) {
        return String.format("hrrr.20230722.t06z.wrfsfcf%02d.grib2", hour);
    }

    private static byte[] file(int hour) {
        return GribRedate.redate(GribFiles.hrrr(), RUN, hour);
    }

    private void publish(int hour, Instant idxAt, Instant gribAt) {
        fx.publishGrib(BUCKET, key(hour), file(hour), idxAt, gribAt);
    }

    private void publishAll(int... hours) {
        for (int h : hours) {
            publish(h, Instant.MIN, Instant.MIN);
        }
    }

    private String yaml(String fields, String hours, String extra) {
        return """
                concurrency: 2
                retries: {attempts: 4}
                %s
                sources:
                  hrrr:
                    kind: hrrr
                    baseUrl: ${bucket:%s}
                    store: hrrr
                    forecastHours: %s
                    cycles: [6]
                    lookback: 3h
                    poll: 2m
                    fields: [%s]
                """.formatted(extra, BUCKET, hours, fields);
    }

    private Path store(int hour) {
        return dir.resolve("hrrr").resolve(local(hour));
    }

    @Test
    void ingestedFieldsDecodeAsInTheWholeFile() throws Exception {
        publishAll(0, 1, 2);
        try (Ingester ingester = fx.ingester(yaml("\"" + U10 + "\"", "0-2", ""))) {
            assertThat(ingester.runOnce()).isTrue();
        }
        for (int h = 0; h <= 2; h++) {
            assertThat(GribFiles.assertSameFields(store(h), file(h), dir)).containsExactly(U10);
            // Only the UGRD message was fetched: the file holds it alone.
            assertThat(Files.size(store(h)))
                    .isEqualTo(GribFiles.bytes("grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2").length);
        }
        assertThat(dir.resolve("hrrr/.partial")).isEmptyDirectory();
        assertThat(fx.progress()).contains("hrrr 2023-07-22T06:00Z: 3/3 files");
    }

    @Test
    void aBoundedRangeAndTheOpenEndedLastMessageBothWork() throws Exception {
        publishAll(1);
        try (Ingester ingester = fx.ingester(yaml("\"" + TSFC + "\", \"" + U10 + "\"", "1", ""))) {
            assertThat(ingester.runOnce()).isTrue();
        }
        assertThat(GribFiles.assertSameFields(store(1), file(1), dir)).containsExactly(TSFC, U10);
        // The whole file is wanted: one GET without a Range.
        List<Logged> gets = fx.noaa.requests(BUCKET, key(1));
        assertThat(gets).singleElement().extracting(Logged::range).isNull();
    }

    @Test
    void retryAfterOf503And429IsHonoured() throws Exception {
        publishAll(0);
        fx.noaa.fault(BUCKET, key(0) + ".idx", new FakeNoaa.Status(429, "3"));
        fx.noaa.fault(BUCKET, key(0), new FakeNoaa.Status(503, "7"));
        fx.noaa.fault(BUCKET, key(0), new FakeNoaa.Status(500, null));
        try (Ingester ingester = fx.ingester(yaml("\"" + U10 + "\"", "0", ""))) {
            assertThat(ingester.runOnce()).isTrue();
        }
        assertThat(GribFiles.assertSameFields(store(0), file(0), dir)).containsExactly(U10);
        assertThat(fx.sleeper.sleeps()).contains(Duration.ofSeconds(3), Duration.ofSeconds(7));
        assertThat(fx.noaa.requests(BUCKET, key(0))).extracting(Logged::status).containsExactly(503, 500, 206);
        assertThat(fx.registry.get("wx.ingest.retries").counter().count()).isEqualTo(3);
    }

    @Test
    void aConnectionDroppedMidBodyResumesWhereItStopped() throws Exception {
        publishAll(0);
        fx.noaa.fault(BUCKET, key(0), new FakeNoaa.DropAfter(1_000_000));
        try (Ingester ingester = fx.ingester(yaml("\"" + TSFC + "\"", "0", ""))) {
            assertThat(ingester.runOnce()).isTrue();
        }
        assertThat(GribFiles.assertSameFields(store(0), file(0), dir)).containsExactly(TSFC);
        long last = tmpLength() - 1;
        List<Logged> gets = fx.noaa.requests(BUCKET, key(0));
        assertThat(gets).hasSize(2);
        assertThat(gets.get(0).range()).isEqualTo("bytes=0-" + last);
        // The second request starts where the bytes that arrived end (at most where the server stopped).
        long resumed = resumedAt(gets.get(1), last);
        assertThat(resumed).isPositive().isLessThanOrEqualTo(1_000_000);
        assertThat(gets.get(1).bodyBytes()).isEqualTo(tmpLength() - resumed);
    }

    /** The start of a {@code bytes=START-LAST} range. */
    private static long resumedAt(Logged request, long last) {
        String range = request.range();
        assertThat(range).startsWith("bytes=").endsWith("-" + last);
        return Long.parseLong(range.substring(6, range.indexOf('-')));
    }

    private static long tmpLength() {
        return GribFiles.bytes("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2").length;
    }

    @Test
    void aTruncatedBodyWithACorrectStatusIsCompleted() throws Exception {
        publishAll(0, 1);
        // A bounded range cut short with headers that agree: the missing bytes are asked for.
        fx.noaa.fault(BUCKET, key(0), new FakeNoaa.ShortBody(500_000));
        try (Ingester ingester = fx.ingester(yaml("\"" + TSFC + "\"", "0", ""))) {
            assertThat(ingester.runOnce()).isTrue();
        }
        assertThat(GribFiles.assertSameFields(store(0), file(0), dir)).containsExactly(TSFC);
        assertThat(fx.noaa.requests(BUCKET, key(0)))
                .extracting(Logged::range)
                .containsExactly("bytes=0-" + (tmpLength() - 1), "bytes=500000-" + (tmpLength() - 1));
        // A whole file cut short with a consistent Content-Length: only GRIB2 verification can tell (the
        // last message lacks its end); the file is fetched again.
        fx.noaa.fault(BUCKET, key(1), new FakeNoaa.ShortBody(3_000_000));
        try (Ingester ingester = fx.ingester(yaml("\"" + TSFC + "\", \"" + U10 + "\"", "1", ""))) {
            assertThat(ingester.runOnce()).isTrue();
        }
        assertThat(GribFiles.assertSameFields(store(1), file(1), dir)).containsExactly(TSFC, U10);
        assertThat(fx.noaa.requests(BUCKET, key(1)))
                .extracting(Logged::bodyBytes)
                .containsExactly(3_000_000L, (long) file(1).length);
    }

    @Test
    void aStalledBodyIsAbandonedAndResumed() throws Exception {
        publishAll(0);
        fx.noaa.fault(BUCKET, key(0), new FakeNoaa.Stall(400_000));
        try (Ingester ingester = fx.ingester(yaml("\"" + TSFC + "\"", "0", "readTimeout: 300ms"))) {
            assertThat(ingester.runOnce()).isTrue();
        }
        assertThat(GribFiles.assertSameFields(store(0), file(0), dir)).containsExactly(TSFC);
        assertThat(fx.noaa.requests(BUCKET, key(0)))
                .extracting(Logged::range)
                .last()
                .asString()
                .startsWith("bytes=400000-");
    }

    @Test
    void anInventoryPublishedBeforeItsFileWaitsForTheFile() throws Exception {
        Instant now = fx.clock.instant();
        publish(0, Instant.MIN, Instant.MIN);
        publish(1, Instant.MIN, now.plus(Duration.ofMinutes(5))); // .idx out, GRIB2 404 for 5 minutes
        try (Ingester ingester = fx.ingester(yaml("\"" + U10 + "\"", "0-1", ""))) {
            assertThat(ingester.runOnce()).isTrue();
            assertThat(Files.exists(store(0))).isTrue();
            assertThat(Files.exists(store(1))).isFalse();
            assertThat(fx.progress()).contains(local(1) + " not published yet");
            ingester.follow(() -> Files.exists(store(1)) || fx.clock.instant().isAfter(now.plus(Duration.ofHours(1))));
        }
        assertThat(GribFiles.assertSameFields(store(1), file(1), dir)).containsExactly(U10);
        assertThat(fx.clock.instant()).isBetween(now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(8)));
    }

    @Test
    void followingPicksUpForecastHoursAsTheyArePublished() throws Exception {
        Instant start = RUN.plus(Duration.ofMinutes(45));
        fx.clock.set(start);
        for (int h = 0; h <= 3; h++) {
            Instant at = RUN.plus(Duration.ofMinutes(50 + 10L * h)); // hour 0 at 06:50, hour 3 at 07:20
            publish(h, at, at);
        }
        try (Ingester ingester = fx.ingester(yaml("\"" + U10 + "\"", "0-3", ""))) {
            ingester.follow(() -> Files.exists(store(3)) || fx.clock.instant().isAfter(RUN.plus(Duration.ofHours(3))));
        }
        for (int h = 0; h <= 3; h++) {
            assertThat(GribFiles.assertSameFields(store(h), file(h), dir)).containsExactly(U10);
        }
        assertThat(watcher.seen()).contains(local(0), local(1), local(2), local(3));
        String status = Files.readString(dir.resolve("wx-ingest-status.json"));
        assertThat(status)
                .contains("\"latestRun\" : \"2023-07-22T06:00:00Z\"", "\"latestRunComplete\" : true", "\"files\" : 4");
        assertThat(fx.registry
                        .get("wx.ingest.files")
                        .tag("source", "hrrr")
                        .counter()
                        .count())
                .isEqualTo(4);
    }

    @Test
    void aRestartResumesAndFetchesNothingTwice() throws Exception {
        publishAll(0, 1);
        fx.noaa.fault(BUCKET, key(1), new FakeNoaa.DropAfter(600_000));
        String config = yaml("\"" + TSFC + "\"", "0-1", "").replace("attempts: 4", "attempts: 1");
        try (Ingester first = fx.ingester(config)) {
            assertThat(first.runOnce()).isFalse(); // hour 1 gave up after its first try
        }
        assertThat(Files.exists(store(0))).isTrue();
        assertThat(Files.exists(store(1))).isFalse();
        long partial = Files.size(dir.resolve("hrrr/.partial/" + local(1) + ".part"));
        assertThat(partial).isPositive().isLessThanOrEqualTo(600_000);
        fx.noaa.clearLog();
        try (Ingester second = fx.ingester(config)) {
            assertThat(second.runOnce()).isTrue();
        }
        assertThat(fx.noaa.requests(BUCKET, key(0))).isEmpty();
        assertThat(fx.noaa.requests(BUCKET, key(0) + ".idx")).isEmpty();
        assertThat(fx.noaa.requests(BUCKET, key(1)))
                .extracting(Logged::range)
                .containsExactly("bytes=" + partial + "-" + (tmpLength() - 1));
        assertThat(GribFiles.assertSameFields(store(1), file(1), dir)).containsExactly(TSFC);
        assertThat(dir.resolve("hrrr/.partial")).isEmptyDirectory();
    }

    @Test
    void aMissingFileIsLookedForAtTheNextBaseUrl() throws Exception {
        publishAll(0);
        String config = yaml("\"" + U10 + "\"", "0", "")
                .replace(
                        "baseUrl: ${bucket:" + BUCKET + "}",
                        "baseUrl: [\"${bucket:empty-mirror}\", \"${bucket:" + BUCKET + "}\"]");
        try (Ingester ingester = fx.ingester(config)) {
            assertThat(ingester.runOnce()).isTrue();
        }
        assertThat(GribFiles.assertSameFields(store(0), file(0), dir)).containsExactly(U10);
    }

    @Test
    void anInventoryThatDisagreesWithTheFileIsRefused() throws Exception {
        byte[] grib = file(0);
        // The inventory of another run: its offsets do not fit this file's messages.
        String idx = Fixture.inventory(grib).replace(":0:d=", ":7:d=");
        fx.noaa.put(BUCKET, key(0) + ".idx", idx.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        fx.noaa.put(BUCKET, key(0), grib);
        try (Ingester ingester = fx.ingester(yaml("\"" + TSFC + "\"", "0", ""))) {
            assertThat(ingester.runOnce()).isFalse();
        }
        assertThat(Files.exists(store(0))).isFalse();
        assertThat(fx.progress()).contains("error: " + local(0) + ": not a complete GRIB2 file");
        assertThat(dir.resolve("hrrr/.partial")).isEmptyDirectory();
    }

    @Test
    void aFieldNotInTheInventoryIsReportedWithWhereTheParameterIs() throws Exception {
        publishAll(0);
        try (Ingester ingester = fx.ingester(yaml("\"TMP | 2 m (Specified height level above ground)\"", "0", ""))) {
            assertThat(ingester.runOnce()).isFalse();
        }
        assertThat(fx.progress())
                .contains("no message of " + fx.noaa.bucket(BUCKET) + "/" + key(0) + ".idx is a selected field;"
                        + " TMP is there at: Ground or water surface (not 2 m (Specified height level above ground))");
    }
}
