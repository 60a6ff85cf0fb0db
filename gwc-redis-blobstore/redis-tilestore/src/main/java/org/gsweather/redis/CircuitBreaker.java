package org.gsweather.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Stops calling a Redis that keeps failing. After {@code failureThreshold} consecutive failures it opens: calls are
 * refused at once for {@code openDuration}; then one probe call is let through (half-open), and its success closes
 * the breaker again while its failure re-opens it.
 */
public final class CircuitBreaker {
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong();
    private final AtomicLong timesOpened = new AtomicLong();

    public CircuitBreaker(int failureThreshold, Duration openDuration) {
        this(failureThreshold, openDuration, System::nanoTime);
    }

    CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a call may go to Redis now; a {@code true} must be followed by {@link #onSuccess} or {@link #onFailure}. */
    public boolean allowRequest() {
        State s = state.get();
        if (s == State.CLOSED) {
            return true;
        }
        if (s == State.OPEN && nanoClock.getAsLong() - openedAt.get() >= openNanos) {
            return state.compareAndSet(State.OPEN, State.HALF_OPEN);
        }
        return false;
    }

    public void onSuccess() {
        consecutiveFailures.set(0);
        state.set(State.CLOSED);
    }

    public void onFailure() {
        if (state.get() == State.HALF_OPEN) {
            open();
        } else if (consecutiveFailures.incrementAndGet() >= failureThreshold) {
            if (state.compareAndSet(State.CLOSED, State.OPEN)) {
                openedAt.set(nanoClock.getAsLong());
                timesOpened.incrementAndGet();
            }
        }
    }

    private void open() {
        openedAt.set(nanoClock.getAsLong());
        timesOpened.incrementAndGet();
        state.set(State.OPEN);
    }

    public State state() {
        return state.get();
    }

    public long timesOpened() {
        return timesOpened.get();
    }
}
