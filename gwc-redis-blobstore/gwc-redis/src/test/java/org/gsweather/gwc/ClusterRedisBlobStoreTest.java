package org.gsweather.gwc;

import java.io.IOException;
import org.gsweather.redis.RedisClusterProcesses;
import org.gsweather.redis.RedisTileStoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same contract on a 3-primary Redis Cluster. */
class ClusterRedisBlobStoreTest extends RedisBlobStoreContractTest {
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
