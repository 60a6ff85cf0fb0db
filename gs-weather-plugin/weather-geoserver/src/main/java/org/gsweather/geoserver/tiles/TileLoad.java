package org.gsweather.geoserver.tiles;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tile requests GeoServer is serving now that were not cache hits answered early: renders, or hits GWC answers
 * itself. Work done ahead of requests (prefetch, warming) waits while there are more than a few.
 */
public class TileLoad implements MeterBinder {
    private final AtomicInteger inFlight = new AtomicInteger();

    void begin() {
        inFlight.incrementAndGet();
    }

    void end() {
        inFlight.decrementAndGet();
    }

    /** Tile requests being served by GWC now. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gsweather.tiles.inflight", this, TileLoad::inFlight)
                .description("Tile requests GWC is serving now (not answered by the early hit path)")
                .register(registry);
    }
}
