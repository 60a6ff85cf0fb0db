package org.gsweather.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import redis.clients.jedis.Jedis;

/** A Redis Cluster of three primaries (no replicas) on loopback, slots split evenly, started by the test. */
public final class RedisClusterProcesses implements AutoCloseable {
    private final List<RedisServerProcess> nodes = new ArrayList<>();

    public static RedisClusterProcesses start() throws IOException {
        RedisClusterProcesses c = new RedisClusterProcesses();
        try {
            for (int i = 0; i < 3; i++) {
                c.nodes.add(RedisServerProcess.launch(
                        "--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", "2000"));
            }
            int perNode = 16384 / 3;
            for (int i = 0; i < 3; i++) {
                int from = i * perNode;
                int to = i == 2 ? 16383 : from + perNode - 1;
                try (Jedis j = new Jedis("127.0.0.1", c.nodes.get(i).port())) {
                    j.clusterAddSlots(IntStream.rangeClosed(from, to).toArray());
                }
            }
            try (Jedis first = new Jedis("127.0.0.1", c.nodes.get(0).port())) {
                for (int i = 1; i < 3; i++) {
                    first.clusterMeet("127.0.0.1", c.nodes.get(i).port());
                }
            }
            for (RedisServerProcess node : c.nodes) {
                Await.until(Duration.ofSeconds(20), "cluster state ok on " + node.address(), () -> {
                    try (Jedis j = new Jedis("127.0.0.1", node.port())) {
                        return j.clusterInfo().contains("cluster_state:ok")
                                && j.clusterNodes().lines().count() == 3;
                    }
                });
            }
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public List<String> addresses() {
        return nodes.stream().map(RedisServerProcess::address).toList();
    }

    public List<RedisServerProcess> nodes() {
        return nodes;
    }

    @Override
    public void close() {
        nodes.forEach(RedisServerProcess::close);
    }
}
