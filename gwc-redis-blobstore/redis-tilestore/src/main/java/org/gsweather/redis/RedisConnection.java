package org.gsweather.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocketFactory;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.providers.ClusterConnectionProvider;

/**
 * The Jedis client for the configured topology (pooled, with timeouts on every step), and dedicated connections to
 * each primary node for the work that must run per node (SCAN).
 */
final class RedisConnection implements AutoCloseable {
    private final RedisTileStoreConfig config;
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(1);

    private final JedisClientConfig clientConfig;
    private final SSLSocketFactory trusting;
    /**
     * The client. A standalone client connects on demand by itself; a cluster or Sentinel client must reach a node
     * when it is built, so it is built when one first answers: until then {@code null}, and {@link #client} fails
     * fast while attempts run in the background (see {@link #client}).
     */
    private volatile UnifiedJedis client;
    /** The cluster client's connection provider and slot cache; {@code null} unless the topology is a cluster. */
    private volatile ClusterConnectionProvider clusterProvider;
    /** Re-reads the cluster's slot map every {@link #TOPOLOGY_REFRESH}; {@code null} until the cluster client exists. */
    private volatile ScheduledExecutorService topologyRefresh;

    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile long nextAttemptNanos;
    private volatile RuntimeException lastFailure;
    private volatile boolean closed;

    RedisConnection(RedisTileStoreConfig config) {
        this.config = config;
        this.trusting = config.tlsTrustStore() == null
                ? null
                : TrustStoreFile.socketFactory(
                        TrustStoreFile.load(config.tlsTrustStore(), config.tlsTrustStorePassword()));
        DefaultJedisClientConfig.Builder cc = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(config.connectTimeout()))
                .socketTimeoutMillis(millis(config.readTimeout()))
                .clientName("gsweather-tilestore")
                .autoNegotiateProtocol(false)
                .ssl(config.tls())
                .sslSocketFactory(trusting);
        if (config.password() != null) {
            cc.user(config.user()).password(config.password());
        }
        if (config.topology() != RedisTileStoreConfig.Topology.CLUSTER) {
            cc.database(config.database());
        }
        this.clientConfig = cc.build();
        if (config.topology() == RedisTileStoreConfig.Topology.STANDALONE) {
            this.client = RedisClient.builder()
                    .hostAndPort(HostAndPort.from(config.nodes().get(0)))
                    .clientConfig(clientConfig)
                    .poolConfig(poolConfig())
                    .build();
        } else {
            connect();
        }
    }

    /**
     * The client. While no node of a cluster or Sentinel set has answered yet, throws a {@link
     * JedisConnectionException} at once (a tile read is then a miss, a write is dropped, a bulk operation fails with
     * {@link StoreUnavailableException}) and starts a new attempt in the background, at most once per {@code
     * breakerOpenDuration}: no caller waits for a connection, and a dead set is not hammered.
     */
    UnifiedJedis client() {
        UnifiedJedis c = client;
        if (c != null) {
            return c;
        }
        if (System.nanoTime() - nextAttemptNanos >= 0 && !closed && connecting.compareAndSet(false, true)) {
            Thread attempt = new Thread(
                    () -> {
                        try {
                            connect();
                        } finally {
                            connecting.set(false);
                        }
                    },
                    "gsweather-redis-connect");
            attempt.setDaemon(true);
            attempt.start();
        }
        RuntimeException failure = lastFailure;
        throw new JedisConnectionException(
                "no node of the Redis " + config.topology().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + config.nodes() + " has answered yet"
                        + (failure == null ? "" : " (" + failure.getMessage() + ")"),
                failure);
    }

    /** Builds the cluster or Sentinel client; on failure remembers why and when to try again. */
    private synchronized void connect() {
        if (client != null || closed) {
            return;
        }
        try {
            UnifiedJedis built;
            if (config.topology() == RedisTileStoreConfig.Topology.CLUSTER) {
                // built here rather than by the client builder, to read the owner of a slot from its slot cache.
                // Without Jedis' topologyRefreshPeriod (refreshEverySecond instead): that constructor starts its
                // refresh thread before reading the slot map and leaks it when no node answers, one per attempt
                ClusterConnectionProvider provider =
                        new ClusterConnectionProvider(hostsAndPorts(), clientConfig, poolConfig());
                try {
                    built = RedisClusterClient.builder()
                            .nodes(hostsAndPorts())
                            .clientConfig(clientConfig)
                            .connectionProvider(provider)
                            .maxAttempts(config.clusterMaxAttempts())
                            .maxTotalRetriesDuration(config.readTimeout().multipliedBy(config.clusterMaxAttempts()))
                            .build();
                } catch (RuntimeException e) {
                    provider.close();
                    throw e;
                }
                clusterProvider = provider;
                topologyRefresh = refreshEverySecond(provider);
            } else {
                built = RedisSentinelClient.builder()
                        .masterName(config.sentinelMasterName())
                        .sentinels(hostsAndPorts())
                        .clientConfig(clientConfig)
                        .sentinelClientConfig(DefaultJedisClientConfig.builder()
                                .connectionTimeoutMillis(millis(config.connectTimeout()))
                                .socketTimeoutMillis(millis(config.readTimeout()))
                                .ssl(config.tls())
                                .sslSocketFactory(trusting)
                                .build())
                        .poolConfig(poolConfig())
                        .build();
            }
            client = built;
            lastFailure = null;
            if (closed) {
                release();
            }
        } catch (RuntimeException e) {
            lastFailure = e;
            nextAttemptNanos = System.nanoTime() + config.breakerOpenDuration().toNanos();
        }
    }

    /**
     * Re-reads the slot map every second besides on errors (what Jedis' {@code topologyRefreshPeriod} does, on a
     * daemon thread of ours), so that the slots of a failed primary move to the promoted replica without waiting for
     * the next probe of the failed primary's open breaker.
     */
    private static ScheduledExecutorService refreshEverySecond(ClusterConnectionProvider provider) {
        ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gsweather-redis-cluster-topology");
            t.setDaemon(true);
            return t;
        });
        long period = TOPOLOGY_REFRESH.toMillis();
        refresh.scheduleWithFixedDelay(
                () -> {
                    try {
                        provider.renewSlotCache();
                    } catch (RuntimeException e) {
                        // Redis errors are already swallowed by Jedis (the slot map stays as it is); anything else
                        // escaping here would cancel every later run
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
        return refresh;
    }

    /** Addresses of the primary nodes that hold data (one for standalone and sentinel). */
    List<HostAndPort> primaries() {
        return switch (config.topology()) {
            case STANDALONE -> List.of(HostAndPort.from(config.nodes().get(0)));
            case SENTINEL -> List.of(((RedisSentinelClient) client()).getCurrentMaster());
            case CLUSTER -> clusterPrimaries();
        };
    }

    /**
     * Cluster: the primary that owns {@code slot} in the client's slot cache (no round trip; {@code null} when the
     * cache does not know it). Only for the {@code CLUSTER} topology.
     */
    HostAndPort slotOwner(int slot) {
        ClusterConnectionProvider provider = clusterProvider;
        return provider == null ? null : provider.getNode(slot);
    }

    /** A new connection to one node, not taken from the tile pool; the caller closes it. */
    Jedis open(HostAndPort node) {
        return new Jedis(node, clientConfig);
    }

    private List<HostAndPort> clusterPrimaries() {
        RedisClusterClient cluster = (RedisClusterClient) client();
        List<HostAndPort> primaries = new ArrayList<>();
        for (String node : cluster.getClusterNodes().keySet()) {
            HostAndPort address = HostAndPort.from(node);
            try (Jedis jedis = open(address)) {
                List<Object> role = jedis.role();
                if (!role.isEmpty() && "master".equals(asString(role.get(0)))) {
                    primaries.add(address);
                }
            }
        }
        return primaries;
    }

    private static String asString(Object o) {
        return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(o);
    }

    private Set<HostAndPort> hostsAndPorts() {
        Set<HostAndPort> set = new LinkedHashSet<>();
        for (String node : config.nodes()) {
            set.add(HostAndPort.from(node));
        }
        return set;
    }

    private GenericObjectPoolConfig<Connection> poolConfig() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.poolMaxTotal());
        pool.setMaxIdle(config.poolMaxTotal());
        pool.setMinIdle(config.poolMinIdle());
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(config.poolBorrowTimeout());
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        return pool;
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    @Override
    public void close() {
        closed = true;
        release();
    }

    /** Stops the topology refresh and closes the client, those that exist. */
    private void release() {
        ScheduledExecutorService refresh = topologyRefresh;
        if (refresh != null) {
            refresh.shutdownNow();
        }
        UnifiedJedis c = client;
        if (c != null) {
            c.close();
        }
    }
}
