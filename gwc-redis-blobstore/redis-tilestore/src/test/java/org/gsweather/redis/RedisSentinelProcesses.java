package org.gsweather.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;

/** A Sentinel set on loopback: 1 master, 1 replica, 3 sentinels (quorum 2), started by the test. */
public final class RedisSentinelProcesses implements AutoCloseable {
    public static final String MASTER_NAME = "tiles";

    private final List<RedisServerProcess> servers = new ArrayList<>();
    private final List<RedisServerProcess> sentinels = new ArrayList<>();

    public static RedisSentinelProcesses start() throws IOException {
        RedisSentinelProcesses s = new RedisSentinelProcesses();
        try {
            RedisServerProcess master = RedisServerProcess.launch();
            s.servers.add(master);
            s.servers.add(RedisServerProcess.launch("--replicaof", "127.0.0.1", String.valueOf(master.port())));
            for (int i = 0; i < 3; i++) {
                s.sentinels.add(RedisServerProcess.launchSentinel(MASTER_NAME, master.address()));
            }
            Await.until(Duration.ofSeconds(20), "the replica is in sync and every sentinel sees it", () -> {
                try (Jedis m = new Jedis("127.0.0.1", master.port())) {
                    if (!m.info("replication").contains("connected_slaves:1")) {
                        return false;
                    }
                }
                for (RedisServerProcess sentinel : s.sentinels) {
                    try (Jedis j = new Jedis("127.0.0.1", sentinel.port())) {
                        if (j.sentinelReplicas(MASTER_NAME).isEmpty()
                                || j.sentinelSentinels(MASTER_NAME).size() < 2) {
                            return false;
                        }
                    }
                }
                return true;
            });
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public List<String> sentinelAddresses() {
        return sentinels.stream().map(RedisServerProcess::address).toList();
    }

    /** The master's address as the sentinels announce it now. */
    public String currentMaster() {
        try (Jedis j = new Jedis("127.0.0.1", sentinels.get(0).port())) {
            return j.sentinelGetMasterAddrByName(MASTER_NAME).get(0) + ":"
                    + j.sentinelGetMasterAddrByName(MASTER_NAME).get(1);
        }
    }

    public RedisServerProcess server(String address) {
        return servers.stream()
                .filter(s -> s.address().equals(address))
                .findFirst()
                .orElseThrow();
    }

    public RedisServerProcess sentinel(int i) {
        return sentinels.get(i);
    }

    @Override
    public void close() {
        sentinels.forEach(RedisServerProcess::close);
        servers.forEach(RedisServerProcess::close);
    }
}
