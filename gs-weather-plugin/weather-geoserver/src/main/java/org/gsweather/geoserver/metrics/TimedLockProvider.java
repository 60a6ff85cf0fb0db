package org.gsweather.geoserver.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.geoserver.gwc.ConfigurableLockProvider;
import org.geowebcache.GeoWebCacheException;
import org.geowebcache.locks.LockProvider;

/**
 * GWC's metatile lock, timed, around whichever lock provider GWC is configured with (in memory, file, Redis): {@code
 * gsweather.gwc.lock.wait} is the wait for a metatile another request is rendering, {@code gsweather.gwc.metatile}
 * how long the lock is held (render, encode and store of a metatile), and {@code gsweather.gwc.encode} that hold less
 * the map request: GWC's encoding of the metatile's tiles and their store writes, which GWC does in turn tile by tile.
 *
 * <p>Installed into GeoServer's {@link ConfigurableLockProvider} by {@link #install}; GeoServer replaces its delegate
 * when the lock setting changes, so {@link #install} is called again as map requests go by.
 */
final class TimedLockProvider implements LockProvider {
    static final Timer WAIT = Timer.builder("gsweather.gwc.lock.wait")
            .description("Waiting for GWC's metatile lock (another request or node renders the metatile)")
            .register(Metrics.globalRegistry);
    static final Timer HOLD = Timer.builder("gsweather.gwc.metatile")
            .description("GWC's metatile lock held: render, encode and store a metatile (or find it cached)")
            .register(Metrics.globalRegistry);
    static final Timer ENCODE = Timer.builder("gsweather.gwc.encode")
            .description("Encoding and storing the tiles of a rendered metatile (lock held less the map request)")
            .register(Metrics.globalRegistry);
    /** Nanoseconds the map request of the metatile being rendered on this thread took, -1 when none ran. */
    static final ThreadLocal<long[]> MAP_NANOS = ThreadLocal.withInitial(() -> new long[] {-1});

    private final LockProvider delegate;

    private TimedLockProvider(LockProvider delegate) {
        this.delegate = delegate;
    }

    /** Times GWC's metatile locks from now on (idempotent). */
    static void install(LockProvider gwcLocks) {
        if (gwcLocks instanceof ConfigurableLockProvider c) {
            LockProvider d = c.getDelegate();
            if (d != null && !(d instanceof TimedLockProvider)) {
                c.setDelegate(new TimedLockProvider(d));
            }
        }
    }

    @Override
    public Lock getLock(String key) throws GeoWebCacheException {
        long start = System.nanoTime();
        Lock lock = delegate.getLock(key);
        long acquired = System.nanoTime();
        WAIT.record(acquired - start, TimeUnit.NANOSECONDS);
        long[] map = MAP_NANOS.get();
        map[0] = -1;
        return () -> {
            try {
                lock.release();
            } finally {
                long held = System.nanoTime() - acquired;
                HOLD.record(held, TimeUnit.NANOSECONDS);
                if (map[0] >= 0) {
                    ENCODE.record(Math.max(0, held - map[0]), TimeUnit.NANOSECONDS);
                    map[0] = -1;
                }
            }
        };
    }

    @Override
    public String toString() {
        return "timed " + delegate;
    }
}
