package org.gsweather.redis.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a lock is leased and renewed, and how long a caller waits for one.
 *
 * @param lease how long Redis keeps a lock whose holder stopped renewing it (a crashed node): others wait at most
 *     this long for a lock that will never be released
 * @param renewEvery how often a holder extends its leases; well under {@code lease}, so that a renewal can fail
 *     twice before the lease runs out
 * @param waitTimeout the longest a caller waits for a lock before {@link LockTimeoutException}
 * @param pollMax the longest pause between two attempts while another node holds the lock (pauses start at 1 ms
 *     and double up to this)
 * @param failOpenAfter consecutive Redis failures after which locks are taken in this JVM only, without asking
 *     Redis, for {@code failOpenFor}
 * @param failOpenFor how long to lock locally before trying Redis again
 */
public record LockSettings(
        Duration lease,
        Duration renewEvery,
        Duration waitTimeout,
        Duration pollMax,
        int failOpenAfter,
        Duration failOpenFor) {

    public static LockSettings defaults() {
        return new LockSettings(
                Duration.ofSeconds(15),
                Duration.ofSeconds(5),
                Duration.ofMinutes(2),
                Duration.ofMillis(50),
                3,
                Duration.ofSeconds(2));
    }

    public LockSettings withWaitTimeout(Duration waitTimeout) {
        return new LockSettings(lease, renewEvery, waitTimeout, pollMax, failOpenAfter, failOpenFor);
    }

    public LockSettings withLease(Duration lease, Duration renewEvery) {
        return new LockSettings(lease, renewEvery, waitTimeout, pollMax, failOpenAfter, failOpenFor);
    }

    public LockSettings {
        List<String> problems = new ArrayList<>();
        if (lease.compareTo(Duration.ofMillis(100)) < 0) {
            problems.add("lease is " + lease.toMillis() + "ms; use at least 100ms (default 15s)");
        }
        if (renewEvery.isNegative()
                || renewEvery.isZero()
                || renewEvery.multipliedBy(2).compareTo(lease) > 0) {
            problems.add("renewEvery is " + renewEvery.toMillis() + "ms; use more than 0 and at most half the lease ("
                    + lease.toMillis() / 2 + "ms)");
        }
        if (waitTimeout.isNegative()) {
            problems.add("waitTimeout is negative; use 0 (do not wait) or more");
        }
        if (pollMax.toMillis() < 1) {
            problems.add("pollMax is " + pollMax.toMillis() + "ms; use at least 1ms (default 50ms)");
        }
        if (failOpenAfter < 1) {
            problems.add("failOpenAfter is " + failOpenAfter + "; use at least 1 (default 3)");
        }
        if (failOpenFor.isNegative() || failOpenFor.isZero()) {
            problems.add("failOpenFor is " + failOpenFor.toMillis() + "ms; use more than 0 (default 2s)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Redis lock settings: " + String.join("; ", problems));
        }
    }
}
