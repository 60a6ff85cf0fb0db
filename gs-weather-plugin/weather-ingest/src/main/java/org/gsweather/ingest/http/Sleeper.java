package org.gsweather.ingest.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits: backoff between retries, bandwidth pacing, the pause between polls. Injectable so tests need no real waiting. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps on the current thread; an interrupt ends the sleep early. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                TimeUnit.NANOSECONDS.sleep(d.toNanos());
            }
        };
    }
}
