package org.gsweather.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/**
 * The store's timers and counters, on Micrometer's global registry: they record nothing until a server adds a
 * registry to it (the GeoServer plugin adds its Prometheus registry), so the CLI and the tests pay nothing.
 */
final class StoreMeters {
    static final Timer DECODE_SCALAR = decode("scalar");
    static final Timer DECODE_WIND = decode("wind");
    static final Counter CHANGES = Counter.builder("gsweather.store.changes")
            .description("New states published by weather stores (files arrived, changed, left or aged out)")
            .register(Metrics.globalRegistry);

    private StoreMeters() {}

    /** Opening a file and reading its index, by format. */
    static Timer index(FileFormat format) {
        return Timer.builder("gsweather.store.index")
                .description("Opening a store file and reading its index (a new or changed file)")
                .tag("format", format.name().toLowerCase(Locale.ROOT))
                .register(Metrics.globalRegistry);
    }

    private static Timer decode(String kind) {
        return Timer.builder("gsweather.field.decode")
                .description(
                        "Decoding a field into the field cache (a cache miss); a wind decodes u and v and turns them")
                .tag("kind", kind)
                .register(Metrics.globalRegistry);
    }
}
