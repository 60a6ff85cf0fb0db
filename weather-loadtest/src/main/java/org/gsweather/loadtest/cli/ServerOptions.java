package org.gsweather.loadtest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.loadtest.capabilities.WmsCapabilities;
import org.gsweather.loadtest.capabilities.WmtsCapabilities;
import org.gsweather.loadtest.http.AdminHttp;
import org.gsweather.loadtest.http.Endpoint;
import org.gsweather.loadtest.http.HostPolicy;
import org.gsweather.loadtest.scenario.Service;
import picocli.CommandLine.Option;

/** The server a command talks to, what it may load, and how to reach its capabilities and admin endpoints. */
final class ServerOptions {

    static final String USER_ENV = "WX_LOADTEST_USER";
    static final String PASSWORD_ENV = "WX_LOADTEST_PASSWORD";

    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "The server's base URL, e.g. http://127.0.0.1:8080/geoserver.")
    URI url;

    @Option(
            names = "--allow-host",
            paramLabel = "HOST",
            description = "Allow load on this non-loopback host (repeatable). Without it only loopback is loaded.")
    List<String> allowHosts = new ArrayList<>();

    @Option(
            names = "--capabilities",
            paramLabel = "URL|FILE",
            description = "Capabilities document to use instead of the GeoServer default"
                    + " (URL/gwc/service/wmts?REQUEST=GetCapabilities, URL/ows?SERVICE=WMS&REQUEST=GetCapabilities).")
    String capabilities;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description = "Admin user for reset (or env " + USER_ENV + "); admin/geoserver is assumed for loopback"
                    + " servers only.")
    String user;

    @Option(
            names = "--password",
            paramLabel = "SECRET",
            description = "Admin password for reset (or env " + PASSWORD_ENV + ").")
    String password;

    @Option(names = "--insecure", description = "Accept any TLS certificate (self-signed test servers).")
    boolean insecure;

    /** The server, checked against the host policy. */
    Endpoint endpoint() {
        Endpoint e = Endpoint.of(url);
        HostPolicy.check(e.host(), allowHosts);
        return e;
    }

    /** Admin credentials: options, then environment, then GeoServer's default on loopback only. */
    AdminHttp adminHttp(Duration timeout) {
        String u = user != null ? user : System.getenv(USER_ENV);
        String p = password != null ? password : System.getenv(PASSWORD_ENV);
        if (u == null) {
            if (!HostPolicy.isLoopback(url.getHost())) {
                throw new IllegalArgumentException("reset of " + url.getHost() + " needs admin credentials: --user and"
                        + " --password, or " + USER_ENV + " and " + PASSWORD_ENV + " (the default admin/geoserver"
                        + " is assumed for loopback servers only)");
            }
            u = "admin";
            p = p != null ? p : "geoserver";
        }
        if (p == null) {
            throw new IllegalArgumentException("--user " + u + " needs --password or " + PASSWORD_ENV);
        }
        return new AdminHttp(timeout, u, p);
    }

    /** Where the capabilities of a service are read from. */
    URI capabilitiesUri(Endpoint e, Service service) {
        if (capabilities != null && !isFile()) {
            URI u = URI.create(capabilities);
            HostPolicy.check(u.getHost() == null ? "" : u.getHost(), allowHosts);
            return u;
        }
        return e.uri(e.path(
                service == Service.WMS
                        ? "/ows?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"
                        : "/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0"));
    }

    private boolean isFile() {
        return capabilities != null && !capabilities.startsWith("http://") && !capabilities.startsWith("https://");
    }

    WmtsCapabilities wmts(Endpoint e) throws IOException, InterruptedException {
        if (isFile()) {
            try (InputStream in = Files.newInputStream(Path.of(capabilities))) {
                return WmtsCapabilities.parse(in, capabilities);
            }
        }
        URI u = capabilitiesUri(e, Service.WMTS);
        return WmtsCapabilities.parse(fetch(u), u.toString());
    }

    WmsCapabilities wms(Endpoint e) throws IOException, InterruptedException {
        if (isFile()) {
            try (InputStream in = Files.newInputStream(Path.of(capabilities))) {
                return WmsCapabilities.parse(in, capabilities);
            }
        }
        URI u = capabilitiesUri(e, Service.WMS);
        return WmsCapabilities.parse(fetch(u), u.toString());
    }

    private static InputStream fetch(URI u) throws IOException, InterruptedException {
        AdminHttp.Response r = new AdminHttp(Duration.ofSeconds(60), null, null).get(u);
        if (r.status() != 200) {
            throw new IOException("GetCapabilities " + u + " answered HTTP " + r.status());
        }
        return new java.io.ByteArrayInputStream(r.body());
    }
}
