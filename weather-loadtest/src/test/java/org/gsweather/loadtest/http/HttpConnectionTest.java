package org.gsweather.loadtest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gsweather.loadtest.TestTileServer;
import org.gsweather.loadtest.request.PlannedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    /** What GeoServer 2.26.2 answers a WMS GetMap of a layer it does not have: 200 and an exception document. */
    public static final String SERVICE_EXCEPTION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ServiceExceptionReport"
            + " version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\">   <ServiceException code=\"LayerNotDefined\""
            + " locator=\"layers\">\n      Could not find layer topp:nope\n</ServiceException></ServiceExceptionReport>";

    /** What GeoWebCache answers a tile outside a layer's limits. */
    static final String TILE_OUT_OF_RANGE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ExceptionReport"
            + " version=\"1.1.0\" xmlns=\"http://www.opengis.net/ows/1.1\">\n  <Exception"
            + " exceptionCode=\"TileOutOfRange\" locator=\"TILECOLUMN\">\n    <ExceptionText>Column 0 is out of range,"
            + " min: 1 max:2</ExceptionText>\n  </Exception>\n</ExceptionReport>";

    private TestTileServer server;
    private HttpDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HttpConnection connect(TestTileServer.Responder responder, Duration timeout) throws Exception {
        server = new TestTileServer(responder);
        driver = new HttpDriver(Endpoint.of(URI.create(server.url("/geoserver"))), timeout, Map.of(), 1, false);
        return driver.connection();
    }

    private static Outcome get(HttpConnection c, String target, boolean image) throws Exception {
        CompletableFuture<Outcome> f = new CompletableFuture<>();
        c.send(new PlannedRequest(target, "l", 3, -1, image), 0, (conn, o) -> f.complete(o));
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anImageIsASuccessWithItsBytesAndCacheResult() throws Exception {
        HttpConnection c = connect(
                x -> x.respond(200, "image/png", TestTileServer.PNG, Map.of("geowebcache-cache-result", "HIT")),
                Duration.ofSeconds(5));
        Outcome o = get(c, "/geoserver/gwc/service/wmts?LAYER=a", true);
        assertThat(o.ok()).isTrue();
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.bytes()).isEqualTo(TestTileServer.PNG.length);
        assertThat(o.cacheResult()).isEqualTo("HIT");
        assertThat(o.latencyNanos()).isEqualTo(o.serviceNanos()).isPositive();
        assertThat(server.targets).containsExactly("/geoserver/gwc/service/wmts?LAYER=a");
    }

    @Test
    void aServiceExceptionAnsweredWith200IsAContentTypeError() throws Exception {
        HttpConnection c =
                connect(x -> x.respond(200, "text/xml;charset=utf-8", SERVICE_EXCEPTION), Duration.ofSeconds(5));
        Outcome o = get(c, "/geoserver/ows?LAYERS=topp:nope", true);
        assertThat(o.error()).isEqualTo(Outcome.CONTENT_TYPE);
        assertThat(o.detail()).isEqualTo("text/xml;charset=utf-8: Could not find layer topp:nope");
    }

    @Test
    void anErrorStatusKeepsTheExceptionText() throws Exception {
        HttpConnection c = connect(x -> x.respond(400, "text/xml", TILE_OUT_OF_RANGE), Duration.ofSeconds(5));
        Outcome o = get(c, "/t", true);
        assertThat(o.error()).isEqualTo("http_400");
        assertThat(o.detail()).isEqualTo("Column 0 is out of range, min: 1 max:2");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        HttpConnection c = connect(x -> {}, Duration.ofMillis(300));
        Outcome o = get(c, "/t", true);
        assertThat(o.error()).isEqualTo(Outcome.TIMEOUT);
        assertThat(o.status()).isZero();
        assertThat(o.latencyNanos()).isGreaterThanOrEqualTo(300_000_000L);
    }

    @Test
    void aClosedPortIsAConnectionError() throws Exception {
        TestTileServer gone = new TestTileServer(x -> {});
        int port = gone.port();
        gone.close();
        driver = new HttpDriver(
                Endpoint.of(URI.create("http://127.0.0.1:" + port + "/")), Duration.ofSeconds(2), Map.of(), 1, false);
        Outcome o = get(driver.connection(), "/t", true);
        assertThat(o.error()).isEqualTo(Outcome.CONNECT);
        assertThat(o.detail()).contains("Connection refused");
    }

    @Test
    void requestsShareOneKeepAliveConnection() throws Exception {
        HttpConnection c =
                connect(x -> x.respond(200, "image/png", TestTileServer.PNG, Map.of()), Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            assertThat(get(c, "/t" + i, true).ok()).isTrue();
        }
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void connectsAgainAfterTheServerSaysClose() throws Exception {
        HttpConnection c = connect(
                x -> x.respond(200, "image/png", TestTileServer.PNG, Map.of("Connection", "close")),
                Duration.ofSeconds(5));
        assertThat(get(c, "/a", true).ok()).isTrue();
        assertThat(get(c, "/b", true).ok()).isTrue();
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void aKeepAliveConnectionDroppedUnderARequestIsRetriedOnce() throws Exception {
        // the server answers the first request of a connection and drops the connection on the second
        HttpConnection c = connect(
                x -> {
                    if (x.onConnection == 1) {
                        x.respond(200, "image/png", TestTileServer.PNG, Map.of());
                    } else {
                        x.close();
                    }
                },
                Duration.ofSeconds(5));
        assertThat(get(c, "/a", true).ok()).isTrue();
        assertThat(get(c, "/b", true).ok()).isTrue();
        assertThat(server.targets).containsExactly("/a", "/b", "/b");
    }

    @Test
    void aConnectionDroppedBeforeAnyAnswerIsAnError() throws Exception {
        HttpConnection c = connect(TestTileServer.Exchange::close, Duration.ofSeconds(5));
        Outcome o = get(c, "/a", true);
        assertThat(o.error()).isEqualTo(Outcome.IO);
        assertThat(server.targets).containsExactly("/a");
    }

    @Test
    void onlyLoopbackOrAllowedHostsMayBeLoaded() {
        HostPolicy.check("127.0.0.1", List.of());
        HostPolicy.check("localhost", List.of());
        HostPolicy.check("::1", List.of());
        HostPolicy.check("192.0.2.7", List.of("192.0.2.7"));
        assertThatThrownBy(() -> HostPolicy.check("192.0.2.7", List.of()))
                .isInstanceOf(HostPolicy.UnsafeTargetException.class)
                .hasMessage("192.0.2.7 is not a loopback address; to load it, name it with --allow-host 192.0.2.7 (and"
                        + " be sure you may)");
    }
}
