package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes with near caches on one Redis: a change on one node reaches the other's L1 through pub/sub. */
class NearCacheTest {
    private static final CacheId CACHE = new CacheId("id", "g", "image/png", null);
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

    private static RedisTileStore node(String prefix) {
        return RedisTileStore.start(RedisTileStoreConfig.builder()
                .nodes(List.of(redis.address()))
                .keyPrefix(prefix)
                .nearCacheMaxBytes(1 << 20)
                .build());
    }

    private static String text(StoredTile t) {
        return t == null ? null : new String(t.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aWriteOnOneNodeInvalidatesTheOtherNodesNearCache() {
        try (RedisTileStore a = node("nc1");
                RedisTileStore b = node("nc1")) {
            TileLocation at = TileLocation.of(CACHE, 1, 0, 0);
            a.put("l", at, "v1".getBytes(StandardCharsets.UTF_8), null);
            Await.until(Duration.ofSeconds(10), "node b serves from its near cache", () -> {
                b.get(at);
                return b.metrics().nearCacheHits() > 0;
            });

            a.put("l", at, "v2".getBytes(StandardCharsets.UTF_8), null);

            Await.until(Duration.ofSeconds(5), "node b sees v2", () -> "v2".equals(text(b.get(at))));
            assertThat(text(b.get(at))).isEqualTo("v2");
        }
    }

    @Test
    void aLayerDeleteEmptiesEveryNearCache() throws Exception {
        try (RedisTileStore a = node("nc2");
                RedisTileStore b = node("nc2")) {
            TileLocation at = TileLocation.of(CACHE, 1, 0, 0);
            a.put("l", at, "v1".getBytes(StandardCharsets.UTF_8), null);
            Await.until(Duration.ofSeconds(10), "node b serves from its near cache", () -> {
                b.get(at);
                return b.metrics().nearCacheHits() > 0;
            });

            a.deleteLayer("l");

            Await.until(Duration.ofSeconds(5), "node b misses", () -> b.get(at) == null);
            assertThat(b.get(at)).isNull();
        }
    }
}
