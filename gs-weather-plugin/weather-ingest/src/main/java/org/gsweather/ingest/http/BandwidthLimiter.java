package org.gsweather.ingest.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces all downloads together to a byte rate: each chunk read books its share of time, and a reader
 * waits until its booking starts. Thread-safe.
 */
public final class BandwidthLimiter {
    private final double bytesPerSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree = Instant.MIN;

    public BandwidthLimiter(double bytesPerSecond, Clock clock, Sleeper sleeper) {
        if (!(bytesPerSecond > 0)) {
            throw new IllegalArgumentException("bandwidth must be positive, not " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Books {@code bytes} and waits until the booking starts. */
    public void acquire(long bytes) throws InterruptedException {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Instant start = nextFree.isAfter(now) ? nextFree : now;
            nextFree = start.plusNanos((long) (bytes / bytesPerSecond * 1e9));
            wait = Duration.between(now, start);
        }
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    public double bytesPerSecond() {
        return bytesPerSecond;
    }
}
