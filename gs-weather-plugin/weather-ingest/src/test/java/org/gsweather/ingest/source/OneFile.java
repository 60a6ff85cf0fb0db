package org.gsweather.ingest.source;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gsweather.ingest.config.ConfigLoader;
import org.gsweather.ingest.config.ModelSourceConfig;
import org.gsweather.ingest.http.Fetcher;
import org.gsweather.ingest.http.RetryPolicy;
import org.gsweather.ingest.http.Sleeper;
import org.gsweather.ingest.http.TransferListener;
import org.gsweather.ingest.testing.FakeClock;
import org.gsweather.ingest.testing.FakeNoaa;
import org.gsweather.ingest.testing.Fixture;

/**
 * One forecast hour ingested again and again from a loopback server, for measuring what a file costs:
 * inventory, selection, ranges, writing, verification and placement.
 */
public final class OneFile implements AutoCloseable {
    /** A test file served as a model's file, and the fields to take from it. */
    public enum Case {
        /** HRRR-like file of two messages, 10 m U selected (2.4 MB, the open-ended last message). */
        HRRR_ONE_FIELD(
                "hrrr",
                "noaa-hrrr-bdp-pds",
                "hrrr.20230722/conus/hrrr.t06z.wrfsfcf00.grib2",
                "2023-07-22T06:00:00Z",
                0,
                "[\"UGRD | 10 m (Specified height level above ground)\"]"),
        /** Ten fields of the 343-field GFS 2.5 deg file (163 kB in two requests). */
        GFS_TEN_FIELDS(
                "gfs",
                "noaa-gfs-bdp-pds",
                "gfs.20110110/12/atmos/gfs.t12z.pgrb2.0p25.f120",
                "2011-01-10T12:00:00Z",
                120,
                "[\"HGT | 500 hPa (Isobaric surface)\", \"TMP | 500 hPa (Isobaric surface)\","
                        + " \"RH | 500 hPa (Isobaric surface)\", \"UGRD | 500 hPa (Isobaric surface)\","
                        + " \"VGRD | 500 hPa (Isobaric surface)\", \"HGT | 850 hPa (Isobaric surface)\","
                        + " \"TMP | 850 hPa (Isobaric surface)\", \"RH | 850 hPa (Isobaric surface)\","
                        + " \"UGRD | 850 hPa (Isobaric surface)\", \"VGRD | 850 hPa (Isobaric surface)\"]");

        final String kind;
        final String bucket;
        final String key;
        final Instant run;
        final int hour;
        final String fields;

        Case(String kind, String bucket, String key, String run, int hour, String fields) {
            this.kind = kind;
            this.bucket = bucket;
            this.key = key;
            this.run = Instant.parse(run);
            this.hour = hour;
            this.fields = fields;
        }

        byte[] bytes() {
            return this == HRRR_ONE_FIELD
                    ? org.gsweather.ingest.testing.GribRedate.redate(GribFiles.hrrr(), run, hour)
                    : GribFiles.bytes("grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2");
        }
    }

    private final Case c;
    private final FakeNoaa noaa;
    private final Fetcher fetcher;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final ModelSource source;
    private final SourceContext context;
    private final Path store;

    public OneFile(Case c, Path dir) throws Exception {
        this.c = c;
        FakeClock clock = new FakeClock(c.run.plus(Duration.ofHours(1)));
        noaa = new FakeNoaa(clock);
        byte[] bytes = c.bytes();
        noaa.put(c.bucket, c.key + ".idx", Fixture.inventory(bytes).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        noaa.put(c.bucket, c.key, bytes);
        store = dir.resolve("store");
        String yaml = "mergeGap: 64KB\nsources:\n  m:\n    kind: " + c.kind + "\n    baseUrl: " + noaa.bucket(c.bucket)
                + "\n    store: " + store + "\n    forecastHours: " + c.hour + "\n    fields: " + c.fields + "\n";
        var config = ConfigLoader.parse(yaml, "bench");
        source = new ModelSource("m", (ModelSourceConfig) config.sources().get("m"));
        fetcher = new Fetcher(
                HttpClient.newHttpClient(),
                new Fetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), RetryPolicy.DEFAULT, "bench"),
                Clock.systemUTC(),
                Sleeper.system(),
                null,
                new Random(1));
        context = new SourceContext(fetcher, pool, 1, config.mergeGap().bytes(), clock, new SourceEvents() {});
    }

    /** Ingests the file (after removing the previous copy); returns the bytes placed in the store. */
    public long ingest() throws IOException, InterruptedException {
        String name =
                source.store().files().isEmpty() ? null : source.store().files().get(0);
        if (name != null) {
            Files.delete(store.resolve(name));
        }
        FileResult r = source.fetchHour(context, c.run, c.hour, TransferListener.NONE);
        if (r.outcome() != Outcome.INGESTED) {
            throw new IllegalStateException(r.toString());
        }
        return r.bytes();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        fetcher.close();
        noaa.close();
    }
}
