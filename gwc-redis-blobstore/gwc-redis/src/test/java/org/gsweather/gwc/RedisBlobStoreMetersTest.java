package org.gsweather.gwc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.geowebcache.io.ByteArrayResource;
import org.geowebcache.layer.TileLayer;
import org.geowebcache.layer.TileLayerDispatcher;
import org.geowebcache.storage.TileObject;
import org.gsweather.redis.RedisServerProcess;
import org.gsweather.redis.RedisTileStore;
import org.gsweather.redis.RedisTileStoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis blob stores' counters as the Prometheus endpoint binds them. */
class RedisBlobStoreMetersTest {
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

    private static double reads(SimpleMeterRegistry r, String result) {
        return r.get("gsweather.redis.tile.reads")
                .tag("result", result)
                .functionCounter()
                .count();
    }

    private static TileObject query(long x) {
        return TileObject.createQueryTileObject("roads", new long[] {x, 0, 1}, "EPSG:4326", "image/png", null);
    }

    @Test
    void countsSinceBindingOverTheRunningStoresAndBreakerStates() throws Exception {
        TileLayerDispatcher layers = mock(TileLayerDispatcher.class);
        TileLayer layer = mock(TileLayer.class);
        when(layer.getId()).thenReturn("LayerInfoImpl--roads");
        when(layers.getTileLayer("roads")).thenReturn(layer);
        RedisBlobStore store = new RedisBlobStore(
                "redis",
                RedisTileStore.start(RedisTileStoreConfig.builder()
                        .nodes(List.of(redis.address()))
                        .keyPrefix("meters")
                        .build()),
                layers);
        try {
            store.get(query(0)); // before binding: not counted
            SimpleMeterRegistry first = new SimpleMeterRegistry();
            new RedisBlobStoreMeters().bindTo(first);
            store.put(TileObject.createCompleteTileObject(
                    "roads",
                    new long[] {0, 0, 1},
                    "EPSG:4326",
                    "image/png",
                    null,
                    new ByteArrayResource("png".getBytes(StandardCharsets.UTF_8))));
            store.get(query(0));
            store.get(query(1));

            assertThat(reads(first, "hit")).isEqualTo(1);
            assertThat(reads(first, "miss")).isEqualTo(1);
            assertThat(first.get("gsweather.redis.tile.writes")
                            .tag("result", "stored")
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            assertThat(first.get("gsweather.redis.breakers")
                            .tag("state", "closed")
                            .gauge()
                            .value())
                    .isEqualTo(1);
            assertThat(first.get("gsweather.redis.breakers")
                            .tag("state", "open")
                            .gauge()
                            .value())
                    .isZero();
            assertThat(first.get("gsweather.redis.bulk.pending").gauge().value())
                    .isZero();
            assertThat(first.get("gsweather.redis.stores").gauge().value()).isEqualTo(1);

            SimpleMeterRegistry afresh = new SimpleMeterRegistry();
            new RedisBlobStoreMeters().bindTo(afresh);
            assertThat(reads(afresh, "hit"))
                    .as("a registry made afresh starts at zero")
                    .isZero();
            store.get(query(0));
            assertThat(reads(afresh, "hit")).isEqualTo(1);
            assertThat(reads(first, "hit")).isEqualTo(2);
        } finally {
            store.destroy();
        }
    }
}
