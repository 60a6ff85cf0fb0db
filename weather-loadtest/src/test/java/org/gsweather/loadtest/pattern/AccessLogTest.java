package org.gsweather.loadtest.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.loadtest.request.PlannedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AccessLogTest.class.getResource(name).toURI());
    }

    @Test
    void readsNginxCombinedLogsSkippingOtherMethods() throws Exception {
        List<AccessLogEntry> e = AccessLog.read(resource("nginx-1.22-combined.log"));
        assertThat(e).hasSize(5);
        assertThat(e.get(0).target())
                .isEqualTo("/geoserver/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=topp:states"
                        + "&STYLE=&TILEMATRIXSET=EPSG:900913&TILEMATRIX=EPSG:900913:4&TILEROW=6&TILECOL=4"
                        + "&FORMAT=image/png");
        assertThat(e.get(0).time()).isEqualTo(Instant.parse("2026-12-04T19:49:36Z"));
        assertThat(e).extracting(AccessLogEntry::status).containsExactly(200, 200, 400, 200, 200);
    }

    @Test
    void readsGeoServersRequestLogAmongItsOtherLines() throws Exception {
        List<AccessLogEntry> e = AccessLog.read(resource("geoserver-2.26.2-request.log"));
        // nine GETs, each logged twice (start, "took"), between WMS request dumps, a POST and a stack trace
        assertThat(e).hasSize(9);
        assertThat(e.get(1).target())
                .isEqualTo("/geoserver/gwc/service/wmts/rest/wx:frames/raster/EPSG:4326/EPSG:4326:6/15/68"
                        + "?format=image/png&TIME=2024-01-02T00:00:00.000Z");
        assertThat(e.get(3).target())
                .isEqualTo("/geoserver/gwc/service/tms/1.0.0/topp:states@EPSG:900913@png/4/3/9.png");
        assertThat(e).extracting(AccessLogEntry::status).containsOnly(-1);
        // GeoServer's time stamps have no year
        assertThat(e.get(8).time().getEpochSecond() - e.get(0).time().getEpochSecond())
                .isEqualTo(14);
    }

    @Test
    void keepsThePathOfAbsoluteRequestUris() {
        AccessLogEntry e = AccessLog.parse(
                "10.0.0.1 - - [04/Dec/2026:19:49:36 +0100] \"GET http://tiles.example.org/geoserver/wms?LAYERS=a"
                        + " HTTP/1.1\" 304 0 \"-\" \"-\"");
        assertThat(e.target()).isEqualTo("/geoserver/wms?LAYERS=a");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-12-04T18:49:36Z"));
        assertThat(e.status()).isEqualTo(304);
    }

    @Test
    void readsCommonLogFormatAndIsoTimeStamps() {
        assertThat(AccessLog.parse("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200"
                                + " 2326")
                        .time())
                .isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
        assertThat(AccessLog.parse("2026-12-04 19:49:36,123 INFO 127.0.0.1 \"GET /x\"")
                        .time())
                .isEqualTo(Instant.parse("2026-12-04T19:49:36.123Z"));
    }

    @Test
    void aFileWithoutRequestsIsAnError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("empty.log");
        Files.writeString(f, "nothing here\n");
        assertThatThrownBy(() -> AccessLog.read(f))
                .hasMessageStartingWith("access log " + f + ": no GET requests found");
        assertThatThrownBy(() -> AccessLog.read(dir.resolve("missing.log")))
                .hasMessage("access log " + dir.resolve("missing.log") + ": no such file");
    }

    @Test
    void replaySpreadsEachLoggedSecondEvenly() throws Exception {
        List<AccessLogEntry> e = AccessLog.read(resource("nginx-1.22-combined.log"));
        // logged at 19:49:36 (2), 19:49:37 (2), 19:49:41 (1)
        assertThat(ReplayPattern.schedule(e, 1))
                .containsExactly(0L, 500_000_000L, 1_000_000_000L, 1_500_000_000L, 5_000_000_000L);
        assertThat(ReplayPattern.schedule(e, 2))
                .containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L, 2_500_000_000L);
    }

    @Test
    void replayLabelsAndLoops() throws Exception {
        ReplayPattern p = new ReplayPattern(AccessLog.read(resource("nginx-1.22-combined.log")), 1, true);
        List<PlannedRequest> r = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            r.add(p.next());
        }
        assertThat(r.get(0).layer()).isEqualTo("topp:states");
        assertThat(r.get(0).zoom()).isEqualTo(4);
        assertThat(r.get(1).layer()).isEqualTo("wx:frames");
        assertThat(r.get(1).zoom()).isEqualTo(6);
        assertThat(r.get(4).expectImage()).isFalse();
        // the second pass starts a second after the last request of the first
        assertThat(r.get(5).target()).isEqualTo(r.get(0).target());
        assertThat(r.get(5).dueNanos()).isEqualTo(6_000_000_000L);
        assertThat(new ReplayPattern(List.of(new AccessLogEntry(null, "/a", -1)), 1, false).timed())
                .isFalse();
    }
}
