package org.gsweather.ingest.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;

/**
 * When to try a request again: on 5xx, 408, 429, timeouts and broken connections, at most {@code
 * attempts} times in a row without progress, waiting an exponential backoff with jitter or what the
 * server's {@code Retry-After} asks (capped).
 *
 * @param attempts tries in a row without progress before giving up, at least 1
 * @param initialBackoff wait after the first failure; doubles after each further one
 * @param maxBackoff largest backoff
 * @param maxRetryAfter largest {@code Retry-After} honoured
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(10));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
    }

    /** Whether an HTTP status is worth another try. */
    public static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** Backoff before try {@code failures + 1}: half fixed, half random, so that clients spread out. */
    public Duration backoff(int failures, Random random) {
        long base = initialBackoff.toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? (long) (random.nextDouble() * half) : 0));
    }

    /**
     * The wait a {@code Retry-After} header asks for (delta-seconds or an HTTP date), capped at {@code
     * maxRetryAfter}; empty when absent or unreadable.
     */
    public Optional<Duration> retryAfter(Optional<String> header, Clock clock) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                wait = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait);
    }
}
