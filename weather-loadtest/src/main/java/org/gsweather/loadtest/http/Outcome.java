package org.gsweather.loadtest.http;

import org.gsweather.loadtest.request.PlannedRequest;

/**
 * What became of one request.
 *
 * @param startNanos when the request counts from ({@link System#nanoTime()}): its intended send time under the open
 *     model, its actual send time under the closed model
 * @param sentNanos when it was actually sent
 * @param doneNanos when the whole response had arrived, or the request failed
 * @param status the HTTP status, or 0 when no response arrived
 * @param error the error kind (http_NNN, timeout, connect, io, content_type), or null for a success
 * @param cacheResult GWC's geowebcache-cache-result header (HIT, MISS, ...), or null when absent
 * @param bytes response body bytes received
 * @param detail what went wrong, for error samples (a ServiceException's text, an exception message), or null
 */
public record Outcome(
        PlannedRequest request,
        long startNanos,
        long sentNanos,
        long doneNanos,
        int status,
        String error,
        String cacheResult,
        long bytes,
        String detail) {

    public static final String TIMEOUT = "timeout";
    public static final String CONNECT = "connect";
    public static final String IO = "io";
    public static final String CONTENT_TYPE = "content_type";

    public boolean ok() {
        return error == null;
    }

    /** Latency as the user sees it, from {@link #startNanos()}. */
    public long latencyNanos() {
        return doneNanos - startNanos;
    }

    /** Time from the actual send to the end of the response. */
    public long serviceNanos() {
        return doneNanos - sentNanos;
    }
}
