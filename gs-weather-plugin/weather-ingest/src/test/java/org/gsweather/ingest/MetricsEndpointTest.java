package org.gsweather.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.gsweather.ingest.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsEndpointTest {
    private static final String MRMS = "MRMS_ReflectivityAtLowestAltitude_00.50_20230406-%s.grib2.gz";

    @TempDir
    Path dir;

    @Test
    void aScrapeShowsEachSourcesCountsAndTimes() throws Exception {
        byte[] gz = Fixture.mrmsGz();
        String prefix = "CONUS/ReflectivityAtLowestAltitude_00.50/20230406/";
        try (Fixture fx = new Fixture(dir, Instant.parse("2023-04-06T12:05:00Z"));
                MetricsEndpoint endpoint = MetricsEndpoint.start(new InetSocketAddress("127.0.0.1", 0))) {
            fx.noaa.put("noaa-mrms-pds", prefix + MRMS.formatted("120039"), gz);
            fx.noaa.put("noaa-mrms-pds", prefix + MRMS.formatted("120239"), gz);
            fx.noaa.put("noaa-mrms-pds", prefix + MRMS.formatted("120439"), new byte[] {1, 2, 3});
            String yaml = """
                    sources:
                      mrms:
                        kind: mrms
                        product: ReflectivityAtLowestAltitude_00.50
                        baseUrl: ${bucket:noaa-mrms-pds}
                        store: mrms
                    """;
            Ingester.Environment test = fx.environment();
            Ingester.Environment env = new Ingester.Environment(
                    test.clock(), test.sleeper(), null, endpoint.registry(), test.progress(), test.random());
            try (Ingester ingester = new Ingester(fx.config(yaml), env)) {
                assertThat(ingester.runOnce()).isFalse();
            }
            URI base = URI.create("http://127.0.0.1:" + endpoint.address().getPort());
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> scrape = client.send(
                    HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
            String text = scrape.body();
            // Two volumes placed, the third (not gzip) failed twice and counts as one error.
            assertThat(value(text, "wx_ingest_files_total{source=\"mrms\"}")).isEqualTo(2);
            assertThat(value(text, "wx_ingest_errors_total{source=\"mrms\"}")).isEqualTo(1);
            assertThat(value(text, "wx_ingest_bytes_total{source=\"mrms\"}")).isGreaterThanOrEqualTo(2.0 * gz.length);
            assertThat(value(text, "wx_ingest_latest_run_seconds{source=\"mrms\"}"))
                    .isEqualTo(Instant.parse("2023-04-06T12:04:39Z").getEpochSecond());
            assertThat(value(text, "wx_ingest_last_poll_seconds{source=\"mrms\"}"))
                    .isEqualTo(Instant.parse("2023-04-06T12:05:00Z").getEpochSecond());
            assertThat(value(text, "wx_ingest_last_file_seconds{source=\"mrms\"}"))
                    .isEqualTo(Instant.parse("2023-04-06T12:05:00Z").getEpochSecond());
            assertThat(value(text, "wx_ingest_poll_problems_total{source=\"mrms\"}"))
                    .isZero();
            assertThat(text).contains("jvm_memory_used_bytes");
            HttpResponse<String> other = client.send(
                    HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anAddressInUseIsNamed() throws Exception {
        try (MetricsEndpoint first = MetricsEndpoint.start(new InetSocketAddress("127.0.0.1", 0))) {
            int port = first.address().getPort();
            assertThatThrownBy(() -> MetricsEndpoint.start(new InetSocketAddress("127.0.0.1", port)))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("--metrics 127.0.0.1:" + port + ": cannot listen there");
        }
    }

    private static double value(String scrape, String series) {
        return scrape.lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(
                        l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(series + " not in the scrape:\n" + scrape));
    }
}
