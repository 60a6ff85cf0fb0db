package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips to Redis as a server's metrics show them once it adds a registry to Micrometer's global one. */
class TileStoreTimersTest {
    private static final CacheId PNG = new CacheId("layer-id", "EPSG:900913", "image/png", null);
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() throws IOException {
        redis = RedisServerProcess.launch();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static Timer gets(SimpleMeterRegistry registry) {
        return registry.get("gsweather.redis.op").tag("op", "get").timer();
    }

    @Test
    void readsWritesAndDeletesAreTimedAndNearCacheHitsAreNot() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try (RedisTileStore store = RedisTileStore.start(RedisTileStoreConfig.builder()
                .nodes(List.of(redis.address()))
                .keyPrefix("timers")
                .nearCacheMaxBytes(1 << 20)
                .build())) {
            TileLocation at = TileLocation.of(PNG, 3, 2, 1);
            store.put("layer", at, "png".getBytes(StandardCharsets.UTF_8), null);
            // reads go to Redis until the near cache has subscribed to invalidations and holds the tile
            Await.until(Duration.ofSeconds(10), "the store serves the tile from its near cache", () -> {
                store.get(at);
                return store.metrics().nearCacheHits() > 0;
            });
            long redisGets = gets(registry).count();
            long nearHits = store.metrics().nearCacheHits();
            store.get(at); // near cache
            store.get(TileLocation.of(PNG, 3, 2, 2)); // a miss, from Redis
            store.delete(at);

            assertThat(registry.get("gsweather.redis.op")
                            .tag("op", "put")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(redisGets).as("the first read went to Redis").isPositive();
            assertThat(gets(registry).count())
                    .as("the near-cache hit did not go to Redis")
                    .isEqualTo(redisGets + 1);
            assertThat(registry.get("gsweather.redis.op")
                            .tag("op", "delete")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(gets(registry).totalTime(TimeUnit.NANOSECONDS)).isPositive();
            assertThat(store.metrics().nearCacheHits()).isEqualTo(nearHits + 1);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }
}
