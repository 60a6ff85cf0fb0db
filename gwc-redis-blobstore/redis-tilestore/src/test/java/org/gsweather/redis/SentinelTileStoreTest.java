package org.gsweather.redis;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract through Sentinel: the client finds the master from 3 sentinels; SCANs run on the current master. */
class SentinelTileStoreTest extends TileStoreContractTest {
    private static RedisSentinelProcesses sentinels;

    @BeforeAll
    static void startSentinels() throws IOException {
        sentinels = RedisSentinelProcesses.start();
    }

    @AfterAll
    static void stopSentinels() {
        if (sentinels != null) {
            sentinels.close();
        }
    }

    @Override
    RedisTileStoreConfig.Builder server() {
        return RedisTileStoreConfig.builder()
                .topology(RedisTileStoreConfig.Topology.SENTINEL)
                .sentinelMasterName(RedisSentinelProcesses.MASTER_NAME)
                .nodes(sentinels.sentinelAddresses());
    }
}
