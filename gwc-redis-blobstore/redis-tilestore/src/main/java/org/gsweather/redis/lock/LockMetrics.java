package org.gsweather.redis.lock;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;

/** What {@link RedisLocks} did; exported under {@code gsweather.redis.lock.*} by {@link #bindTo}. */
public final class LockMetrics implements MeterBinder {
    final LongAdder acquired = new LongAdder();
    final LongAdder acquiredAfterWaiting = new LongAdder();
    final LongAdder failedOpen = new LongAdder();
    final LongAdder leasesLost = new LongAdder();
    final LongAdder timeouts = new LongAdder();

    /** Locks obtained in Redis. */
    public long acquired() {
        return acquired.sum();
    }

    /** Locks obtained in Redis after another holder (usually another node) released them. */
    public long acquiredAfterWaiting() {
        return acquiredAfterWaiting.sum();
    }

    /** Locks given in this JVM only because Redis could not be asked. */
    public long failedOpen() {
        return failedOpen.sum();
    }

    /** Held locks whose lease ran out before a renewal reached Redis. */
    public long leasesLost() {
        return leasesLost.sum();
    }

    /** Callers that gave up waiting. */
    public long timeouts() {
        return timeouts.sum();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "redis", acquired);
        counter(registry, "redis-after-wait", acquiredAfterWaiting);
        counter(registry, "local-fail-open", failedOpen);
        FunctionCounter.builder("gsweather.redis.lock.leases.lost", leasesLost, LongAdder::sum)
                .register(registry);
        FunctionCounter.builder("gsweather.redis.lock.timeouts", timeouts, LongAdder::sum)
                .register(registry);
    }

    private static void counter(MeterRegistry registry, String how, LongAdder adder) {
        FunctionCounter.builder("gsweather.redis.lock.acquired", adder, LongAdder::sum)
                .tag("how", how)
                .register(registry);
    }

    @Override
    public String toString() {
        return "acquired " + acquired() + " (after waiting " + acquiredAfterWaiting() + "), fail-open " + failedOpen()
                + ", leases lost " + leasesLost() + ", timeouts " + timeouts();
    }
}
