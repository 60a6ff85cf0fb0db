package org.gsweather.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import redis.clients.jedis.Jedis;

/**
 * A Redis Cluster on loopback, started by the test: three primaries with the slots split evenly, and optionally one
 * replica each.
 */
public final class RedisClusterProcesses implements AutoCloseable {
    private final List<RedisServerProcess> nodes = new ArrayList<>();

    /** Three primaries, no replicas. */
    public static RedisClusterProcesses start() throws IOException {
        return start(0, 2000);
    }

    /**
     * Three primaries with {@code replicasPerPrimary} replicas each; a primary is considered down after {@code
     * nodeTimeoutMillis}; {@code serverArgs} are passed to every redis-server (e.g. {@code
     * --cluster-require-full-coverage no}). Returns once every replica is in sync and every node sees the whole
     * cluster.
     */
    public static RedisClusterProcesses start(int replicasPerPrimary, int nodeTimeoutMillis, String... serverArgs)
            throws IOException {
        RedisClusterProcesses c = new RedisClusterProcesses();
        int total = 3 * (1 + replicasPerPrimary);
        try {
            for (int i = 0; i < total; i++) {
                List<String> args = new ArrayList<>(List.of(
                        "--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", String.valueOf(nodeTimeoutMillis)));
                args.addAll(List.of(serverArgs));
                c.nodes.add(
                        RedisServerProcess.launchOn(RedisServerProcess.freeClusterPort(), args.toArray(String[]::new)));
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
                for (int i = 1; i < total; i++) {
                    first.clusterMeet("127.0.0.1", c.nodes.get(i).port());
                }
            }
            for (RedisServerProcess node : c.nodes) {
                Await.until(Duration.ofSeconds(20), "every node known to " + node.address(), () -> {
                    try (Jedis j = new Jedis("127.0.0.1", node.port())) {
                        return j.clusterNodes().lines().count() == total;
                    }
                });
            }
            for (int i = 3; i < total; i++) {
                RedisServerProcess primary = c.nodes.get(i % 3);
                try (Jedis p = new Jedis("127.0.0.1", primary.port());
                        Jedis r = new Jedis("127.0.0.1", c.nodes.get(i).port())) {
                    r.clusterReplicate(p.clusterMyId());
                }
            }
            for (RedisServerProcess node : c.nodes) {
                Await.until(Duration.ofSeconds(20), "cluster state ok on " + node.address(), () -> {
                    try (Jedis j = new Jedis("127.0.0.1", node.port())) {
                        return j.clusterInfo().contains("cluster_state:ok")
                                && j.clusterNodes()
                                                .lines()
                                                .filter(l -> l.contains("slave"))
                                                .count()
                                        == total - 3;
                    }
                });
            }
            for (int i = 0; i < 3; i++) {
                RedisServerProcess primary = c.nodes.get(i);
                Await.until(Duration.ofSeconds(20), "replicas of " + primary.address() + " in sync", () -> {
                    try (Jedis j = new Jedis("127.0.0.1", primary.port())) {
                        String info = j.info("replication");
                        return info.lines()
                                        .filter(l -> l.matches("slave\\d+:.*state=online.*"))
                                        .count()
                                == replicasPerPrimary;
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

    /** The node serving {@code address}, primary or replica. */
    public RedisServerProcess node(String address) {
        return nodes.stream()
                .filter(n -> n.address().equals(address))
                .findFirst()
                .orElseThrow();
    }

    /** The address of the node that serves {@code slot} as primary now, as the live nodes see it. */
    public String primaryOf(int slot) {
        for (RedisServerProcess node : nodes) {
            if (!node.running()) {
                continue;
            }
            try (Jedis j = new Jedis("127.0.0.1", node.port())) {
                for (String line : j.clusterNodes().lines().toList()) {
                    String[] f = line.split(" ");
                    if (f[2].contains("master") && !f[2].contains("fail") && servesSlot(f, slot)) {
                        return f[1].replaceFirst("@.*", "");
                    }
                }
            }
        }
        throw new IllegalStateException("no primary serves slot " + slot);
    }

    /** The address of the replica of the primary at {@code primary}. */
    public String replicaOf(String primary) {
        try (Jedis j = new Jedis("127.0.0.1", node(primary).port())) {
            String id = j.clusterMyId();
            return j.clusterNodes()
                    .lines()
                    .map(l -> l.split(" "))
                    .filter(f -> f[2].contains("slave") && f[3].equals(id))
                    .map(f -> f[1].replaceFirst("@.*", ""))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static boolean servesSlot(String[] nodesLine, int slot) {
        for (int i = 8; i < nodesLine.length; i++) {
            String[] range = nodesLine[i].split("-");
            if (range[0].startsWith("[")) {
                continue;
            }
            int from = Integer.parseInt(range[0]);
            int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
            if (slot >= from && slot <= to) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        nodes.forEach(RedisServerProcess::close);
    }
}
