package org.gsweather.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gsweather.loadtest.TestTileServer;
import org.gsweather.loadtest.capabilities.GeoServerCapabilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, against an in-test server that answers like GeoServer with GWC. */
class WxLoadtestTest {

    private static final String SERVICE_EXCEPTION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ServiceExceptionReport"
            + " version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\"><ServiceException code=\"LayerNotDefined\">"
            + "Could not find layer tiger:poi</ServiceException></ServiceExceptionReport>";

    @TempDir
    Path dir;

    private TestTileServer server;
    private final Set<String> cached = ConcurrentHashMap.newKeySet();
    private final List<TestTileServer.Exchange> admin = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    private record Result(int status, String out, String err) {}

    @BeforeEach
    void start() throws Exception {
        byte[] wmts = GeoServerCapabilities.bytes(GeoServerCapabilities.WMTS);
        byte[] wms = GeoServerCapabilities.bytes(GeoServerCapabilities.WMS);
        server = new TestTileServer(x -> {
            String t = URLDecoder.decode(x.target, StandardCharsets.UTF_8);
            if (x.method.equals("POST")) {
                admin.add(x);
                if (t.endsWith("/gwc/rest/masstruncate")) {
                    x.respond(200, "text/plain", "");
                } else {
                    x.respond(404, "text/html", "<html><body>No such page</body></html>");
                }
            } else if (t.contains("REQUEST=GetCapabilities")) {
                x.respond(200, "text/xml", t.contains("SERVICE=WMS") ? wms : wmts, Map.of());
            } else if (t.contains("LAYER=tiger:poi")) {
                x.respond(200, "text/xml;charset=utf-8", SERVICE_EXCEPTION);
            } else if (t.contains("REQUEST=GetTile") || t.contains("/rest/")) {
                // GWC: the first request of a tile misses, the next ones hit
                String result = cached.add(t) ? "MISS" : "HIT";
                x.respond(200, "image/png", TestTileServer.PNG, Map.of("geowebcache-cache-result", result));
            } else if (t.contains("REQUEST=GetMap")) {
                x.respond(200, "image/png", TestTileServer.PNG, Map.of());
            } else {
                x.respond(404, "text/html", "not found");
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Runs the command line; runs skip the client warm-up unless they set it (it has a test of its own). */
    private Result cli(String... given) {
        List<String> a = new ArrayList<>(List.of(given));
        if (a.get(0).equals("run") && !a.contains("--client-warmup")) {
            a.addAll(List.of("--client-warmup", "0s"));
        }
        String[] args = a.toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = WxLoadtest.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String url() {
        return server.url("/geoserver");
    }

    private List<String> tiles() {
        return server.targets.stream()
                .filter(t -> !t.contains("GetCapabilities"))
                .toList();
    }

    @Test
    void runWritesTableJsonAndCsvThatAgreeWithTheServer() throws Exception {
        Path j = dir.resolve("quick.json");
        Path c = dir.resolve("quick.csv");
        Result r = cli(
                "run",
                "quick",
                "--url",
                url(),
                "--layer",
                "topp:states",
                "--layer",
                "wx:frames",
                "--time",
                "all",
                "--zooms",
                "0-6",
                "--requests",
                "400",
                "--concurrency",
                "8",
                "--seed",
                "9",
                "--json",
                j.toString(),
                "--csv",
                c.toString(),
                "--progress",
                "none");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("stage quick: closed model, 8 clients, uniform pattern");
        JsonNode total = json.readTree(j.toFile()).get("total");
        assertThat(total.get("requests").asLong()).isEqualTo(400);
        assertThat(total.get("errors").asLong()).isZero();
        long distinct = tiles().stream().distinct().count();
        assertThat(total.get("cache").get("MISS").asLong()).isEqualTo(distinct);
        assertThat(total.get("cache").get("HIT").asLong()).isEqualTo(400 - distinct);
        assertThat(total.get("bytes").asLong()).isEqualTo(400L * TestTileServer.PNG.length);
        JsonNode stage = json.readTree(j.toFile()).get("stages").get(0);
        assertThat(fieldNames(stage.get("byLayer"))).containsExactly("topp:states", "wx:frames");
        assertThat(fieldNames(stage.get("byZoom"))).isSubsetOf("0", "1", "2", "3", "4", "5", "6");
        long byLayer = stage.get("byLayer").get("topp:states").get("requests").asLong()
                + stage.get("byLayer").get("wx:frames").get("requests").asLong();
        assertThat(byLayer).isEqualTo(400);
        List<String> csv = Files.readAllLines(c);
        assertThat(csv).hasSize(1 + 1 + 2 + stage.get("byZoom").size() + 1);
        assertThat(csv.get(1)).startsWith("quick,total,,400,0,0,");
        assertThat(tiles()).allMatch(t -> t.startsWith("/geoserver/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile"));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theSameSeedSendsTheServerTheSameRequestsInTheSameOrder() {
        List<List<String>> runs = new ArrayList<>();
        for (String seed : List.of("5", "5", "6")) {
            server.targets.clear();
            Result r = cli(
                    "run",
                    "hot_spots",
                    "--url",
                    url(),
                    "--layer",
                    "topp:states",
                    "--requests",
                    "150",
                    "--concurrency",
                    "1",
                    "--seed",
                    seed,
                    "--progress",
                    "none");
            assertThat(r.status()).as(r.err()).isZero();
            runs.add(tiles());
        }
        assertThat(runs.get(0)).hasSize(150);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2)).isNotEqualTo(runs.get(0));
    }

    @Test
    void serviceExceptionsAnsweredWith200AreErrorsAndCanFailTheRun() throws Exception {
        Path j = dir.resolve("poi.json");
        Result r = cli(
                "run",
                "quick",
                "--url",
                url(),
                "--layer",
                "tiger:poi",
                "--requests",
                "50",
                "--json",
                j.toString(),
                "--progress",
                "none",
                "--max-error-rate",
                "1%");
        assertThat(r.status()).isEqualTo(WxLoadtest.FAILED_BOUNDS);
        assertThat(r.err()).contains("100.000% of requests failed, more than --max-error-rate 1%");
        assertThat(r.out())
                .contains("errors content_type: 50 (e.g. text/xml;charset=utf-8: Could not find layer" + " tiger:poi)");
        JsonNode total = json.readTree(j.toFile()).get("total");
        assertThat(total.get("errorsByKind").get("content_type").asLong()).isEqualTo(50);
    }

    @Test
    void theClientWarmUpSendsTheServerNothing() {
        Result r = cli(
                "run",
                "quick",
                "--url",
                url(),
                "--layer",
                "topp:states",
                "--requests",
                "30",
                "--progress",
                "none",
                "--client-warmup",
                "500ms");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(tiles()).hasSize(30);
    }

    @Test
    void wmsRunsRequestGetMapTiles() {
        Result r = cli(
                "run",
                "quick",
                "--url",
                url(),
                "--service",
                "wms",
                "--layer",
                "topp:states",
                "--requests",
                "60",
                "--progress",
                "none");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(tiles())
                .hasSize(60)
                .allMatch(t -> t.contains("REQUEST=GetMap") && t.contains("&CRS=EPSG:3857&BBOX="));
    }

    @Test
    void wmtsRestRunsFillTheServersTemplates() {
        Result r = cli(
                "run",
                "animation",
                "--url",
                url(),
                "--service",
                "wmts-rest",
                "--layer",
                "wx:frames",
                "--duration",
                "1s",
                "--progress",
                "none");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(tiles())
                .isNotEmpty()
                .allMatch(t -> t.startsWith("/geoserver/gwc/service/wmts/rest/wx:frames/raster/EPSG:900913/")
                        && t.contains("&TIME=2024-01-0"));
    }

    @Test
    void compareExitsWithThreeOnARegression() throws Exception {
        Path a = dir.resolve("a.json");
        assertThat(cli(
                                "run",
                                "quick",
                                "--url",
                                url(),
                                "--layer",
                                "topp:states",
                                "--requests",
                                "200",
                                "--json",
                                a.toString(),
                                "--progress",
                                "none")
                        .status())
                .isZero();
        Result same = cli("compare", a.toString(), a.toString(), "--threshold", "10%");
        assertThat(same.status()).isZero();
        assertThat(same.out()).contains("no regression beyond 10%");
        ObjectNode worse = (ObjectNode) json.readTree(a.toFile());
        ((ObjectNode) worse.get("total"))
                .put(
                        "requestsPerSecond",
                        worse.get("total").get("requestsPerSecond").asDouble() / 2);
        Path b = dir.resolve("b.json");
        json.writeValue(b.toFile(), worse);
        Result r = cli("compare", a.toString(), b.toString(), "--threshold", "10%");
        assertThat(r.status()).isEqualTo(WxLoadtest.FAILED_BOUNDS);
        assertThat(r.out()).containsPattern("total +req/s .* -50\\.0% +REGRESSION");
        assertThat(cli("compare", a.toString(), dir.resolve("none.json").toString())
                        .status())
                .isEqualTo(1);
    }

    @Test
    void resetTruncatesTheLayersTriesThePluginAndWaitsForHealth() {
        Result r = cli("reset", "--url", url(), "--layer", "topp:states", "--layer", "wx:frames");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(admin)
                .extracting(x -> x.target)
                .containsExactly(
                        "/geoserver/gwc/rest/masstruncate",
                        "/geoserver/gwc/rest/masstruncate",
                        "/geoserver/rest/wx/reset");
        assertThat(admin.get(0).body).isEqualTo("<truncateLayer><layerName>topp:states</layerName></truncateLayer>");
        assertThat(admin.get(0).headers.get("content-type")).isEqualTo("text/xml");
        // admin/geoserver, GeoServer's default, assumed for a loopback server
        assertThat(admin.get(0).headers.get("authorization")).isEqualTo("Basic YWRtaW46Z2Vvc2VydmVy");
        assertThat(r.err())
                .contains("reset: truncated the tile cache of wx:frames")
                .contains("reset: /geoserver/rest/wx/reset answered 404 (no weather plugin on this server)")
                .contains("reset: server healthy (GetCapabilities answers)");
        assertThat(server.targets.get(server.targets.size() - 1)).contains("REQUEST=GetCapabilities");
    }

    @Test
    void runResetsFirstWhenAsked() {
        Result r = cli(
                "run",
                "quick",
                "--url",
                url(),
                "--layer",
                "topp:states",
                "--requests",
                "20",
                "--reset",
                "--progress",
                "none",
                "--user",
                "ops",
                "--password",
                "s3cret");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(admin).hasSize(2);
        assertThat(admin.get(0).headers.get("authorization")).isEqualTo("Basic b3BzOnMzY3JldA==");
        int truncated = server.targets.indexOf("POST /geoserver/gwc/rest/masstruncate");
        int firstTile = server.targets.indexOf(
                tiles().stream().filter(t -> t.contains("GetTile")).findFirst().orElseThrow());
        assertThat(truncated).isLessThan(firstTile);
    }

    @Test
    void refusesToLoadAHostThatIsNotLoopbackUnlessAllowed() {
        Result r = cli("run", "quick", "--url", "http://192.0.2.10:8080/geoserver", "--layer", "x");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err())
                .contains("wx-loadtest: 192.0.2.10 is not a loopback address; to load it, name it with"
                        + " --allow-host 192.0.2.10");
    }

    @Test
    void replaysAnAccessLogWithItsTiming() throws Exception {
        Path log = Path.of(WxLoadtestTest.class
                .getResource("/org/gsweather/loadtest/pattern/nginx-1.22-combined.log")
                .toURI());
        Path j = dir.resolve("replay.json");
        Result r = cli(
                "run",
                "replay",
                "--url",
                url(),
                "--log",
                log.toString(),
                "--speed",
                "20",
                "--duration",
                "2s",
                "--json",
                j.toString(),
                "--progress",
                "none");
        assertThat(r.status()).as(r.err()).isZero();
        // the log's five GETs (its POST is left out); requests due 25 ms apart may overtake each other on the wire
        assertThat(server.targets)
                .containsExactlyInAnyOrderElementsOf(org.gsweather.loadtest.pattern.AccessLog.read(log).stream()
                        .map(e -> e.target())
                        .toList());
        JsonNode stage = json.readTree(j.toFile()).get("stages").get(0);
        assertThat(fieldNames(stage.get("byLayer"))).containsExactly("-", "topp:states", "wx:frames");
        assertThat(stage.get("total").get("requests").asLong()).isEqualTo(5);
        assertThat(stage.get("total").get("errors").asLong()).isZero();
        // the log spans 5 s; at 20 times its speed the last request is due after 0.25 s
        assertThat(stage.get("total").get("seconds").asDouble()).isBetween(0.25, 1.5);
    }

    @Test
    void listsScenariosLayersAndRegions() {
        Result s = cli("scenarios");
        assertThat(s.out()).contains("quick ", "stress ", "animation ", "replay ");
        assertThat(cli("scenarios", "spike").out()).contains("rateFactor: 10");
        Result l = cli("layers", "--url", url());
        assertThat(l.out()).contains("wx:frames", "dimension TIME: 4 values, 2024-01-01T00:00:00.000Z .. 2024-01-04");
        assertThat(cli("regions").out()).contains("hurricane_ian_2022");
        Set<String> names = new HashSet<>(List.of(s.out().split("\\s+")));
        assertThat(names).contains("cold_cache", "warm_cache", "zoom_sweep", "pan", "zoom_in", "layer_mix", "soak");
    }
}
