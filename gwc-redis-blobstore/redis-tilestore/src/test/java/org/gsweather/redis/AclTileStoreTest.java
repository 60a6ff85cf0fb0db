package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Redis 6 ACL user limited to the store's key prefix; the default user is off. */
class AclTileStoreTest {
    private static final CacheId CACHE = new CacheId("id", "g", "image/png", null);
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() throws IOException {
        redis = RedisServerProcess.launch(
                "--user", "gwc", "on", ">tile-secret", "~gwc:*", "&*", "+@all", "--user", "default", "off");
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static RedisTileStore store(String user, String password) {
        return RedisTileStore.start(RedisTileStoreConfig.builder()
                .nodes(List.of(redis.address()))
                .user(user)
                .password(password)
                .build());
    }

    @Test
    void anAclUserRestrictedToThePrefixRunsEveryOperation() throws Exception {
        try (RedisTileStore store = store("gwc", "tile-secret")) {
            assertThat(store.put("l", TileLocation.of(CACHE, 1, 0, 0), "t".getBytes(StandardCharsets.UTF_8), null)
                            .kind())
                    .isEqualTo(PutOutcome.Kind.STORED);
            assertThat(store.get(TileLocation.of(CACHE, 1, 0, 0))).isNotNull();
            assertThat(store.deleteLayer("l")).isTrue();
            assertThat(store.awaitDeletions(Duration.ofSeconds(30))).isTrue();
            assertThat(store.get(TileLocation.of(CACHE, 1, 0, 0))).isNull();
        }
    }

    @Test
    void aWrongPasswordGivesMissesDroppedWritesAndAnActionableBulkError() {
        try (RedisTileStore store = store("gwc", "wrong")) {
            assertThat(store.get(TileLocation.of(CACHE, 1, 0, 0))).isNull();
            assertThat(store.put("l", TileLocation.of(CACHE, 1, 0, 0), new byte[1], null)
                            .kind())
                    .isEqualTo(PutOutcome.Kind.DROPPED);
            assertThatThrownBy(() -> store.deleteLayer("l"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("WRONGPASS");
        }
    }
}
