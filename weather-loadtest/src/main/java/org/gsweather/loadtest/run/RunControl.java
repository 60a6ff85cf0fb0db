package org.gsweather.loadtest.run;

import java.util.concurrent.atomic.AtomicLong;

/** The bounds of a whole run (requests, wall time) and its interruption by Ctrl-C. */
public final class RunControl {
    private final long deadlineNanos;
    private final AtomicLong remainingRequests;
    private volatile boolean interrupted;

    public RunControl(long maxRequests, java.time.Duration maxDuration) {
        this.deadlineNanos = System.nanoTime() + maxDuration.toNanos();
        this.remainingRequests = new AtomicLong(maxRequests);
    }

    /** Stops the run as soon as possible; in-flight requests are dropped. */
    public void interrupt() {
        interrupted = true;
    }

    public boolean interrupted() {
        return interrupted;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    long remainingRequests() {
        return remainingRequests.get();
    }

    void consumed(long requests) {
        remainingRequests.addAndGet(-requests);
    }
}
