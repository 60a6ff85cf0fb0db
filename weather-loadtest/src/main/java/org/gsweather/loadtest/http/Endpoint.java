package org.gsweather.loadtest.http;

import java.net.URI;
import java.util.Locale;

/**
 * The server a run talks to: scheme, host and port of {@code --url}, and its base path (e.g. /geoserver).
 *
 * @param basePath the URL's path without a trailing slash ("" for the root)
 */
public record Endpoint(String scheme, String host, int port, String basePath) {

    public static Endpoint of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--url " + url + ": must be an http:// or https:// URL");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("--url " + url + ": has no host");
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Endpoint(scheme, url.getHost(), port, path);
    }

    public boolean tls() {
        return scheme.equals("https");
    }

    /** The Host header: the port is left out when it is the scheme's default. */
    public String hostHeader() {
        boolean dflt = (tls() && port == 443) || (!tls() && port == 80);
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return dflt ? h : h + ":" + port;
    }

    /** An absolute URL for a path and query on this server. */
    public URI uri(String pathAndQuery) {
        return URI.create(scheme + "://" + hostHeader() + pathAndQuery);
    }

    /** A path under the base path: {@code path("/rest/wx/reset")} is /geoserver/rest/wx/reset. */
    public String path(String relative) {
        return basePath + relative;
    }
}
