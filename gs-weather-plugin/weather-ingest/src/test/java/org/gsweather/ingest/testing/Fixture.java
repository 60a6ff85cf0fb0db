package org.gsweather.ingest.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.gsweather.grib2.Grib2File;
import org.gsweather.ingest.Ingester;
import org.gsweather.ingest.config.ConfigException;
import org.gsweather.ingest.config.ConfigLoader;
import org.gsweather.ingest.config.IngestConfig;
import org.gsweather.ingest.inventory.IdxWriter;

/**
 * A fake NOAA, a fake clock and sleeper, and ingesters configured from YAML against them, with progress
 * captured and meters in a simple registry.
 */
public final class Fixture implements AutoCloseable {
    public final FakeClock clock;
    public final FakeSleeper sleeper;
    public final FakeNoaa noaa;
    public final Path dir;
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    public Fixture(Path dir, Instant now) throws IOException {
        this.dir = dir;
        this.clock = new FakeClock(now);
        this.sleeper = new FakeSleeper(clock);
        this.noaa = new FakeNoaa(clock);
    }

    /** An ingester of a configuration whose {@code ${bucket:NAME}} are replaced by the fake buckets' URLs. */
    public Ingester ingester(String yaml) throws ConfigException {
        return new Ingester(config(yaml), environment());
    }

    public IngestConfig config(String yaml) throws ConfigException {
        String text = yaml;
        int at;
        while ((at = text.indexOf("${bucket:")) >= 0) {
            int end = text.indexOf('}', at);
            String bucket = text.substring(at + "${bucket:".length(), end);
            text = text.substring(0, at) + noaa.bucket(bucket) + text.substring(end + 1);
        }
        return ConfigLoader.parse(text, "test.yaml").resolve(dir);
    }

    public Ingester.Environment environment() {
        return new Ingester.Environment(
                clock,
                sleeper,
                null,
                registry,
                new PrintWriter(new OutputStreamWriter(progress, StandardCharsets.UTF_8), true),
                new Random(1));
    }

    public String progress() {
        return progress.toString(StandardCharsets.UTF_8);
    }

    /** The MRMS test volume (ReflectivityAtLowestAltitude_00.50, 2023-04-06 12:00:39). */
    private static final String MRMS_VOLUME =
            "grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz";

    /** The MRMS test volume as NOAA publishes it: gzip'd GRIB2. */
    public static byte[] mrmsGz() throws IOException {
        return Files.readAllBytes(org.gsweather.testing.TestData.root().resolve(MRMS_VOLUME));
    }

    /** The MRMS test volume's GRIB2, as the ingest places it. */
    public static Path mrmsGrib() {
        return org.gsweather.testing.TestData.file(MRMS_VOLUME);
    }

    /** The wgrib2-style inventory of GRIB2 bytes, as NCEP publishes beside a file. */
    public static String inventory(byte[] grib) {
        try {
            Path tmp = Files.createTempFile("inventory", ".grib2");
            try {
                Files.write(tmp, grib);
                try (Grib2File file = Grib2File.open(tmp)) {
                    return IdxWriter.inventory(file);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes a GRIB2 file and its {@code .idx}, each at its own time. */
    public void publishGrib(String bucket, String key, byte[] grib, Instant idxAt, Instant gribAt) {
        noaa.put(bucket, key + ".idx", inventory(grib).getBytes(StandardCharsets.UTF_8), idxAt);
        noaa.put(bucket, key, grib, gribAt);
    }

    @Override
    public void close() {
        noaa.close();
    }
}
