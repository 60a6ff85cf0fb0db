package org.gsweather.loadtest.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The results of a set of requests (a stage, a layer, a zoom level, the run).
 *
 * @param requests requests completed (answered or failed)
 * @param errors requests that failed: HTTP status >= 300, timeout, connection error, wrong content type
 * @param errorsByKind errors by kind: http_NNN, timeout, connect, io, content_type
 * @param errorSamples one message per error kind (an OGC exception's text, an exception)
 * @param bytes response body bytes
 * @param seconds wall time the rate is computed over (the stage's, for a layer or zoom of it)
 * @param latencyMs latency of the answered requests; under the open model from the intended send time
 * @param serviceTimeMs open model only: from the actual send time (what the latency would be with coordinated
 *     omission)
 * @param cache GWC's geowebcache-cache-result header values counted (HIT, MISS, ...; "none" when absent)
 */
public record Stats(
        long requests,
        long errors,
        Map<String, Long> errorsByKind,
        Map<String, String> errorSamples,
        long bytes,
        double seconds,
        double requestsPerSecond,
        Latency latencyMs,
        Latency serviceTimeMs,
        Map<String, Long> cache) {

    /** Share of requests that failed, 0..1. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double errorRate() {
        return requests == 0 ? 0 : Math.round(1e6 * errors / requests) / 1e6;
    }

    /** HIT / (HIT + MISS), or null when GWC said neither. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Double hitRatio() {
        long hit = cache.getOrDefault("HIT", 0L);
        long miss = cache.getOrDefault("MISS", 0L);
        return hit + miss == 0 ? null : Math.round(1e4 * hit / (hit + miss)) / 1e4;
    }
}
