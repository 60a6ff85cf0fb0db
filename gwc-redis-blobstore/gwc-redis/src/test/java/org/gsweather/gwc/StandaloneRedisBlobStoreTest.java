package org.gsweather.gwc;

import java.io.IOException;
import java.util.List;
import org.gsweather.redis.RedisServerProcess;
import org.gsweather.redis.RedisTileStoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class StandaloneRedisBlobStoreTest extends RedisBlobStoreContractTest {
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
        return RedisTileStoreConfig.builder().nodes(List.of(redis.address()));
    }
}
