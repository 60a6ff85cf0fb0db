package org.gsweather.ingest.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gsweather.ingest.http.RetryPolicy;

/**
 * A {@code wx ingest} configuration (YAML): the sources to follow and how to download.
 *
 * @param statusFile the JSON status file (last run per source, errors); default {@code
 *     wx-ingest-status.json} beside the configuration
 * @param concurrency downloads at once, over all sources
 * @param bandwidth cap of all downloads together in bytes per second, null for none
 * @param mergeGap unwanted bytes between two wanted GRIB2 messages that one request reads through rather
 *     than making two requests
 * @param connectTimeout wait for a connection
 * @param readTimeout wait for response headers, and longest silence inside a body
 * @param retries retry policy of requests
 * @param userAgent the {@code User-Agent} header
 * @param sources by name, in the order written
 */
public record IngestConfig(
        Path statusFile,
        Integer concurrency,
        ByteSize bandwidth,
        ByteSize mergeGap,
        TimeSpan connectTimeout,
        TimeSpan readTimeout,
        RetryConfig retries,
        String userAgent,
        Map<String, SourceConfig> sources) {

    /** {@code retries:}: tries in a row without progress, and the backoff between them. */
    public record RetryConfig(Integer attempts, TimeSpan initialBackoff, TimeSpan maxBackoff, TimeSpan maxRetryAfter) {
        public RetryConfig {
            RetryPolicy d = RetryPolicy.DEFAULT;
            attempts = attempts == null ? d.attempts() : attempts;
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts: must be at least 1, not " + attempts);
            }
            initialBackoff = initialBackoff == null ? TimeSpan.of(d.initialBackoff()) : initialBackoff;
            maxBackoff = maxBackoff == null ? TimeSpan.of(d.maxBackoff()) : maxBackoff;
            maxRetryAfter = maxRetryAfter == null ? TimeSpan.of(d.maxRetryAfter()) : maxRetryAfter;
        }

        public RetryPolicy policy() {
            return new RetryPolicy(
                    attempts, initialBackoff.duration(), maxBackoff.duration(), maxRetryAfter.duration());
        }
    }

    public IngestConfig {
        if (concurrency == null) {
            concurrency = 4;
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency: between 1 and 64 downloads at once, not " + concurrency);
        }
        if (bandwidth != null && bandwidth.bytes() <= 0) {
            throw new IllegalArgumentException("bandwidth: must be positive");
        }
        if (mergeGap == null) {
            mergeGap = ByteSize.of(0);
        }
        if (mergeGap.bytes() < 0) {
            throw new IllegalArgumentException("mergeGap: cannot be negative");
        }
        if (connectTimeout == null) {
            connectTimeout = TimeSpan.of(Duration.ofSeconds(10));
        }
        if (readTimeout == null) {
            readTimeout = TimeSpan.of(Duration.ofSeconds(30));
        }
        if (retries == null) {
            retries = new RetryConfig(null, null, null, null);
        }
        if (userAgent == null) {
            userAgent = "wx-ingest (gs-weather)";
        }
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException(
                    "sources: missing; name at least one source (hrrr, gfs, nam, mrms, goes)");
        }
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** Paths resolved against the directory of the configuration file. */
    public IngestConfig resolve(Path base) {
        Map<String, SourceConfig> resolved = new LinkedHashMap<>();
        sources.forEach((name, s) -> resolved.put(name, s.resolve(base)));
        Path status = statusFile == null ? base.resolve("wx-ingest-status.json") : base.resolve(statusFile);
        return new IngestConfig(
                status, concurrency, bandwidth, mergeGap, connectTimeout, readTimeout, retries, userAgent, resolved);
    }
}
