package org.gsweather.redis;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same contract on a 3-primary Redis Cluster: hash tags keep every script on one slot, SCANs run per node. */
class ClusterTileStoreTest extends TileStoreContractTest {
    private static RedisClusterProcesses cluster;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = RedisClusterProcesses.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    RedisTileStoreConfig.Builder server() {
        return RedisTileStoreConfig.builder()
                .topology(RedisTileStoreConfig.Topology.CLUSTER)
                .nodes(cluster.addresses());
    }
}
