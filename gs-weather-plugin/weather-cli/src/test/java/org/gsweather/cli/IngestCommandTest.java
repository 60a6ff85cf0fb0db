package org.gsweather.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    @Test
    void aConfigurationMistakeNamesTheKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ingest.yaml");
        Files.writeString(
                config, "sources:\n  hrrr:\n    kind: hrrr\n    store: s\n    fields: [\"TMP | 2 m above ground\"]\n");
        WxTest.Result r = WxTest.wx("ingest", "--config", config.toString(), "--once");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("wx: " + config + ": sources.hrrr.fields[0]: level '2 m above ground' is not a level label"
                        + " as wx inspect prints it; wx inspect calls the .idx level '2 m above ground'"
                        + " '2 m (Specified height level above ground)'");
    }

    @Test
    void onceAndFollowExcludeEachOther(@TempDir Path dir) {
        WxTest.Result r = WxTest.wx("ingest", "--config", dir.resolve("x.yaml").toString(), "--once", "--follow");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
        assertThat(WxTest.wx("ingest", "--config", "x.yaml").status()).isEqualTo(2);
    }

    /** A configuration whose one source is at a port nothing listens on. */
    private static Path unreachableSource(Path dir) throws Exception {
        Path config = dir.resolve("ingest.yaml");
        Files.writeString(config, """
                retries: {attempts: 1}
                connectTimeout: 2s
                sources:
                  goes:
                    kind: goes
                    satellite: goes18
                    product: ABI-L1b-RadC
                    baseUrl: http://127.0.0.1:9
                    store: goes
                """);
        return config;
    }

    @Test
    void anUnreachableSourceFailsTheRunAndIsInTheStatusFile(@TempDir Path dir) throws Exception {
        Path config = unreachableSource(dir);
        WxTest.Result r = WxTest.wx("ingest", "--config", config.toString(), "--once");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("goes: error: listing http://127.0.0.1:9");
        String status = Files.readString(dir.resolve("wx-ingest-status.json"));
        assertThat(status).contains("\"goes\"", "listing http://127.0.0.1:9");
        assertThat(dir.resolve("goes")).doesNotExist();
    }

    @Test
    void aMetricsAddressThatIsNotHostAndPortIsRefused(@TempDir Path dir) {
        WxTest.Result r = WxTest.wx(
                "ingest", "--config", dir.resolve("x.yaml").toString(), "--once", "--metrics", "localhost:http");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--metrics: 'localhost:http' is not [HOST:]PORT, e.g. 9465 or 0.0.0.0:9465");
    }

    @Test
    void theMetricsEndpointRunsBesideTheIngest(@TempDir Path dir) throws Exception {
        Path config = unreachableSource(dir);
        WxTest.Result r = WxTest.wx("ingest", "--config", config.toString(), "--once", "--metrics", "127.0.0.1:0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).containsPattern("wx ingest: meters at http://127\\.0\\.0\\.1:\\d+/metrics");
    }
}
