package org.gsweather.redis;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class StandaloneTileStoreTest extends TileStoreContractTest {
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

    @Override
    RedisTileStoreConfig.Builder server() {
        return RedisTileStoreConfig.builder().nodes(java.util.List.of(redis.address()));
    }
}
