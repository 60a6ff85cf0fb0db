package org.gsweather.loadtest.reset;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.gsweather.loadtest.http.AdminHttp;
import org.gsweather.loadtest.http.Endpoint;

/**
 * Puts a server into a known state before a run: truncates the layers' tile caches through GWC REST, asks the
 * weather plugin to empty its field cache and zero its metrics ({@code POST /rest/wx/reset}, admin only; stock
 * servers lack it and that is fine), then waits until GetCapabilities answers again.
 */
public final class ServerReset {

    /** A reset step the server refused; the message says which and why. */
    public static final class ResetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ResetException(String message) {
            super(message);
        }
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private final Endpoint endpoint;
    private final AdminHttp http;
    private final PrintStream log;

    public ServerReset(Endpoint endpoint, AdminHttp http, PrintStream log) {
        this.endpoint = endpoint;
        this.http = http;
        this.log = log;
    }

    public void reset(List<String> layers, URI health, Duration healthTimeout)
            throws IOException, InterruptedException {
        for (String layer : layers) {
            truncate(layer);
        }
        resetPlugin();
        awaitHealthy(health, healthTimeout);
    }

    /** GWC REST mass truncation of all of a layer's tiles (every grid set, format, style and parameter). */
    public void truncate(String layer) throws IOException, InterruptedException {
        URI uri = endpoint.uri(endpoint.path("/gwc/rest/masstruncate"));
        AdminHttp.Response r =
                http.post(uri, "text/xml", "<truncateLayer><layerName>" + xml(layer) + "</layerName></truncateLayer>");
        if (r.status() == 200) {
            log.println("reset: truncated the tile cache of " + layer);
            return;
        }
        throw new ResetException(refusal("GWC mass truncation of " + layer, uri, r));
    }

    /** The plugin's reset; a server without the plugin answers 404, which is reported in one line and passed. */
    public void resetPlugin() throws IOException, InterruptedException {
        URI uri = endpoint.uri(endpoint.path("/rest/wx/reset"));
        AdminHttp.Response r = http.post(uri, null, "");
        if (r.status() == 200 || r.status() == 204) {
            log.println("reset: weather plugin field cache emptied and metrics zeroed");
        } else if (r.status() == 404) {
            log.println("reset: " + uri.getPath() + " answered 404 (no weather plugin on this server): its field"
                    + " cache and metrics were not reset");
        } else {
            throw new ResetException(refusal("the weather plugin's reset", uri, r));
        }
    }

    /** Waits until a GetCapabilities request answers 200 with a capabilities document. */
    public void awaitHealthy(URI capabilities, Duration timeout) throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try {
                AdminHttp.Response r = http.get(capabilities);
                String text = r.text();
                if (r.status() == 200 && text.contains("Capabilities")) {
                    log.println("reset: server healthy (GetCapabilities answers)");
                    return;
                }
                last = "HTTP " + r.status();
            } catch (HttpTimeoutException e) {
                last = "timed out";
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (System.nanoTime() > giveUp) {
                throw new ResetException("server not healthy after " + timeout.toSeconds() + " s: " + capabilities
                        + " last answered: " + last);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static String refusal(String what, URI uri, AdminHttp.Response r) {
        String why = switch (r.status()) {
            case 401 ->
                "the credentials were rejected (give --user/--password or WX_LOADTEST_USER and"
                        + " WX_LOADTEST_PASSWORD)";
            case 403 -> "the user is not an administrator";
            default -> "HTTP " + r.status() + ": " + snippet(r.text());
        };
        return what + " failed (" + uri + "): " + why;
    }

    private static String snippet(String s) {
        String t = s.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
