package org.gsweather.loadtest.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The few low-rate requests around a run (capabilities, GWC truncation, the plugin's reset, health checks), on the
 * JDK's HttpClient.
 */
public final class AdminHttp {

    /** A response, its body read whole. */
    public record Response(int status, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final String authorization;

    /** @param user null for no credentials */
    public AdminHttp(Duration timeout, String user, String password) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public Response post(URI uri, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        b.timeout(timeout).header("User-Agent", "wx-loadtest");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpRequest request = b.build();
        HttpResponse<byte[]> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.ConnectException e) {
            URI u = request.uri();
            java.net.ConnectException named = new java.net.ConnectException(
                    "cannot connect to " + u.getHost() + ":" + (u.getPort() < 0 ? "default port" : u.getPort()) + " ("
                            + u.getPath() + "): is the server running?");
            named.initCause(e);
            throw named;
        }
        return new Response(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }
}
