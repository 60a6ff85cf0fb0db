package org.gsweather.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;

/** The field cache as a server's metrics show it. */
class FieldCacheMetersTest {
    private static final long ONE_FIELD = 64 + 4L * 1799 * 1059; // HRRR CONUS, 3 km

    @Test
    void bytesRequestsAndDecodeTimesAndARegistryMadeAfreshStartsAtZero() throws IOException {
        SimpleMeterRegistry global = new SimpleMeterRegistry();
        Metrics.addRegistry(global);
        FieldCache cache = new FieldCache(256 << 20);
        try (WeatherStore store = WeatherStore.open(
                StoreSettings.of(TestData.file("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2"), FileFormat.GRIB2),
                cache,
                Clock.systemUTC(),
                null)) {
            assertThat(global.get("gsweather.store.index")
                            .tag("format", "grib2")
                            .timer()
                            .count())
                    .as("the file was opened and indexed once")
                    .isGreaterThanOrEqualTo(1);
            SimpleMeterRegistry first = new SimpleMeterRegistry();
            cache.bindTo(first);
            FieldRef ref = store.snapshot().coverage("TMP_SFC").slices().get(0).scalar();
            cache.scalar(ref);
            cache.scalar(ref);
            cache.scalar(ref);

            assertThat(first.get("gsweather.field.cache.requests")
                            .tag("result", "miss")
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            assertThat(first.get("gsweather.field.cache.requests")
                            .tag("result", "hit")
                            .functionCounter()
                            .count())
                    .isEqualTo(2);
            assertThat(first.get("gsweather.field.cache.size").gauge().value()).isEqualTo(ONE_FIELD);
            assertThat(first.get("gsweather.field.cache.limit").gauge().value()).isEqualTo(256 << 20);
            assertThat(first.get("gsweather.field.cache.entries").gauge().value())
                    .isEqualTo(1);
            assertThat(global.get("gsweather.field.decode")
                            .tag("kind", "scalar")
                            .timer()
                            .count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(global.get("gsweather.field.decode")
                            .tag("kind", "scalar")
                            .timer()
                            .max(TimeUnit.NANOSECONDS))
                    .isPositive();

            SimpleMeterRegistry afresh = new SimpleMeterRegistry();
            cache.bindTo(afresh);
            cache.clear();
            cache.scalar(ref);
            assertThat(afresh.get("gsweather.field.cache.requests")
                            .tag("result", "miss")
                            .functionCounter()
                            .count())
                    .as("counted from the moment of binding")
                    .isEqualTo(1);
            assertThat(afresh.get("gsweather.field.cache.requests")
                            .tag("result", "hit")
                            .functionCounter()
                            .count())
                    .isZero();
            assertThat(first.get("gsweather.field.cache.requests")
                            .tag("result", "miss")
                            .functionCounter()
                            .count())
                    .isEqualTo(2);
        } finally {
            Metrics.removeRegistry(global);
        }
    }
}
