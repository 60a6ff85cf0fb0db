package org.gsweather.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every setting of a {@link RedisTileStore}, validated once by {@link Builder#build()}. Setting names are the ones
 * of the blob store's XML configuration and of {@code docs/redis-tilestore.md}.
 */
public record RedisTileStoreConfig(
        Topology topology,
        List<String> nodes,
        String sentinelMasterName,
        String user,
        String password,
        int database,
        boolean tls,
        String tlsTrustStore,
        String tlsTrustStorePassword,
        Duration connectTimeout,
        Duration readTimeout,
        int poolMaxTotal,
        int poolMinIdle,
        Duration poolBorrowTimeout,
        int clusterMaxAttempts,
        String keyPrefix,
        int shardsPerCache,
        Duration tileTtl,
        int breakerFailureThreshold,
        Duration breakerOpenDuration,
        int deleteScanCount,
        Duration deleteBatchPause,
        int syncRangeDeleteLimit,
        long nearCacheMaxBytes) {

    /** How the Redis servers are deployed. */
    public enum Topology {
        /** One server (or a proxy); {@code nodes} has exactly one {@code host:port}. */
        STANDALONE,
        /** Redis Cluster; {@code nodes} are seeds, the rest is discovered. */
        CLUSTER,
        /** Sentinel-managed primary; {@code nodes} are the sentinels, {@code sentinelMasterName} the group. */
        SENTINEL
    }

    private static final Pattern HOST_PORT = Pattern.compile("^(\\[[0-9a-fA-F:]+\\]|[^\\s:\\[\\]]+):(\\d{1,5})$");
    private static final Pattern PREFIX = Pattern.compile("^[A-Za-z0-9_.\\-]{1,64}$");

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.topology = topology;
        b.nodes = new ArrayList<>(nodes);
        b.sentinelMasterName = sentinelMasterName;
        b.user = user;
        b.password = password;
        b.database = database;
        b.tls = tls;
        b.tlsTrustStore = tlsTrustStore;
        b.tlsTrustStorePassword = tlsTrustStorePassword;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.poolMaxTotal = poolMaxTotal;
        b.poolMinIdle = poolMinIdle;
        b.poolBorrowTimeout = poolBorrowTimeout;
        b.clusterMaxAttempts = clusterMaxAttempts;
        b.keyPrefix = keyPrefix;
        b.shardsPerCache = shardsPerCache;
        b.tileTtl = tileTtl;
        b.breakerFailureThreshold = breakerFailureThreshold;
        b.breakerOpenDuration = breakerOpenDuration;
        b.deleteScanCount = deleteScanCount;
        b.deleteBatchPause = deleteBatchPause;
        b.syncRangeDeleteLimit = syncRangeDeleteLimit;
        b.nearCacheMaxBytes = nearCacheMaxBytes;
        return b;
    }

    /** The longest a tile request can wait on Redis before it is answered with a miss. */
    public Duration worstCaseRequestTime() {
        return poolBorrowTimeout.plus(connectTimeout).plus(readTimeout);
    }

    @Override
    public String toString() {
        return "RedisTileStoreConfig[topology=" + topology + ", nodes=" + nodes + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + ", database=" + database + ", tls=" + tls
                + (tlsTrustStore == null ? "" : ", tlsTrustStore=" + tlsTrustStore) + ", keyPrefix="
                + keyPrefix + ", shardsPerCache=" + shardsPerCache + ", readTimeout=" + readTimeout + "]";
    }

    /** Defaults are the documented ones; {@link #build()} validates everything at once. */
    public static final class Builder {
        private Topology topology = Topology.STANDALONE;
        private List<String> nodes = new ArrayList<>(List.of("localhost:6379"));
        private String sentinelMasterName;
        private String user;
        private String password;
        private int database = 0;
        private boolean tls = false;
        private String tlsTrustStore;
        private String tlsTrustStorePassword;
        private Duration connectTimeout = Duration.ofMillis(500);
        private Duration readTimeout = Duration.ofMillis(250);
        private int poolMaxTotal = 64;
        private int poolMinIdle = 4;
        private Duration poolBorrowTimeout = Duration.ofMillis(100);
        private int clusterMaxAttempts = 2;
        private String keyPrefix = "gwc";
        private int shardsPerCache = 8;
        private Duration tileTtl = Duration.ZERO;
        private int breakerFailureThreshold = 5;
        private Duration breakerOpenDuration = Duration.ofSeconds(2);
        private int deleteScanCount = 1000;
        private Duration deleteBatchPause = Duration.ofMillis(1);
        private int syncRangeDeleteLimit = 4096;
        private long nearCacheMaxBytes = 0;
        private final List<String> textProblems = new ArrayList<>();

        private Builder() {}

        /** A setting given as text that could not be read; reported by {@link #build()} with the others. */
        Builder problem(String problem) {
            textProblems.add(problem);
            return this;
        }

        public Builder topology(Topology value) {
            topology = value;
            return this;
        }

        /** {@code host:port} entries; IPv6 hosts in brackets ({@code [::1]:6379}). */
        public Builder nodes(List<String> value) {
            nodes = value == null ? null : new ArrayList<>(value);
            return this;
        }

        public Builder node(String host, int port) {
            return nodes(List.of(host + ":" + port));
        }

        public Builder sentinelMasterName(String value) {
            sentinelMasterName = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder password(String value) {
            password = value;
            return this;
        }

        public Builder database(int value) {
            database = value;
            return this;
        }

        public Builder tls(boolean value) {
            tls = value;
            return this;
        }

        /**
         * The certificates to trust for TLS instead of the JVM's: a PKCS12 or JKS trust store, or a PEM file of CA
         * certificates (Redis' {@code tls-ca-cert-file}); {@code null} for the JVM trust store.
         */
        public Builder tlsTrustStore(String value) {
            tlsTrustStore = value;
            return this;
        }

        /** Password of a PKCS12 or JKS {@link #tlsTrustStore}; not needed for a PEM file. */
        public Builder tlsTrustStorePassword(String value) {
            tlsTrustStorePassword = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public Builder poolMaxTotal(int value) {
            poolMaxTotal = value;
            return this;
        }

        public Builder poolMinIdle(int value) {
            poolMinIdle = value;
            return this;
        }

        public Builder poolBorrowTimeout(Duration value) {
            poolBorrowTimeout = value;
            return this;
        }

        public Builder clusterMaxAttempts(int value) {
            clusterMaxAttempts = value;
            return this;
        }

        public Builder keyPrefix(String value) {
            keyPrefix = value;
            return this;
        }

        public Builder shardsPerCache(int value) {
            shardsPerCache = value;
            return this;
        }

        /** {@link Duration#ZERO} keeps tiles until deleted (or evicted by Redis' maxmemory policy). */
        public Builder tileTtl(Duration value) {
            tileTtl = value;
            return this;
        }

        public Builder breakerFailureThreshold(int value) {
            breakerFailureThreshold = value;
            return this;
        }

        public Builder breakerOpenDuration(Duration value) {
            breakerOpenDuration = value;
            return this;
        }

        public Builder deleteScanCount(int value) {
            deleteScanCount = value;
            return this;
        }

        public Builder deleteBatchPause(Duration value) {
            deleteBatchPause = value;
            return this;
        }

        public Builder syncRangeDeleteLimit(int value) {
            syncRangeDeleteLimit = value;
            return this;
        }

        /** 0 disables the in-JVM near cache. */
        public Builder nearCacheMaxBytes(long value) {
            nearCacheMaxBytes = value;
            return this;
        }

        public RedisTileStoreConfig build() {
            List<String> problems = new ArrayList<>(textProblems);
            if (topology == null) {
                problems.add("topology is missing; use STANDALONE, CLUSTER or SENTINEL");
            }
            if (nodes == null || nodes.isEmpty()) {
                problems.add("nodes is empty; give at least one host:port, e.g. localhost:6379");
            } else {
                for (String node : nodes) {
                    if (node == null || !HOST_PORT.matcher(node.trim()).matches()) {
                        problems.add("nodes entry '" + node + "' is not host:port (e.g. redis.example:6379 or"
                                + " [::1]:6379)");
                    } else {
                        int port =
                                Integer.parseInt(HOST_PORT.matcher(node.trim()).replaceFirst("$2"));
                        if (port < 1 || port > 65535) {
                            problems.add("nodes entry '" + node + "' has port " + port + "; use 1..65535");
                        }
                    }
                }
                if (topology == Topology.STANDALONE && nodes.size() != 1) {
                    problems.add("nodes has " + nodes.size() + " entries but topology STANDALONE takes exactly one;"
                            + " use topology CLUSTER for a Redis Cluster or SENTINEL for sentinels");
                }
            }
            if (topology == Topology.SENTINEL && isBlank(sentinelMasterName)) {
                problems.add("sentinelMasterName is missing; topology SENTINEL needs the monitored master's name"
                        + " (the name in 'sentinel monitor NAME host port quorum')");
            }
            if (topology != Topology.SENTINEL && !isBlank(sentinelMasterName)) {
                problems.add("sentinelMasterName is set but topology is " + topology
                        + "; remove it or set topology SENTINEL");
            }
            if (user != null && password == null) {
                problems.add("user '" + user + "' is set without a password; ACL users need both");
            }
            if (database < 0 || database > 1_000_000) {
                problems.add("database is " + database + "; use 0..15 (or up to the server's 'databases')");
            }
            if (topology == Topology.CLUSTER && database != 0) {
                problems.add("database is " + database + " but Redis Cluster only has database 0; set database 0");
            }
            if (tlsTrustStore != null && !tls) {
                problems.add("tlsTrustStore is set but tls is false; set tls true or remove tlsTrustStore");
            } else if (tlsTrustStore != null) {
                try {
                    TrustStoreFile.load(tlsTrustStore, tlsTrustStorePassword);
                } catch (IllegalArgumentException e) {
                    problems.add("tlsTrustStore '" + tlsTrustStore + "' " + e.getMessage() + "; give a PEM file of"
                            + " the CA certificates that signed the Redis server's certificate, or a PKCS12/JKS"
                            + " trust store holding them with its tlsTrustStorePassword");
                }
            }
            if (tlsTrustStorePassword != null && tlsTrustStore == null) {
                problems.add("tlsTrustStorePassword is set without a tlsTrustStore; set both or neither");
            }
            checkDuration(problems, "connectTimeout", connectTimeout, Duration.ofMillis(1), Duration.ofSeconds(60));
            checkDuration(problems, "readTimeout", readTimeout, Duration.ofMillis(1), Duration.ofSeconds(60));
            checkDuration(
                    problems, "poolBorrowTimeout", poolBorrowTimeout, Duration.ofMillis(1), Duration.ofSeconds(60));
            checkDuration(
                    problems, "breakerOpenDuration", breakerOpenDuration, Duration.ofMillis(1), Duration.ofMinutes(10));
            checkDuration(problems, "deleteBatchPause", deleteBatchPause, Duration.ZERO, Duration.ofSeconds(10));
            if (tileTtl == null || tileTtl.isNegative()) {
                problems.add("tileTtl is " + tileTtl + "; use 0 (keep tiles) or a positive duration such as PT24H");
            } else if (!tileTtl.isZero() && tileTtl.toMillis() < 1000) {
                problems.add("tileTtl is " + tileTtl.toMillis() + "ms; use 0 (keep tiles) or at least 1s");
            }
            if (poolMaxTotal < 1 || poolMaxTotal > 10_000) {
                problems.add("poolMaxTotal is " + poolMaxTotal + "; use 1..10000 (default 64, about the number of"
                        + " concurrent tile requests)");
            }
            if (poolMinIdle < 0 || poolMinIdle > poolMaxTotal) {
                problems.add("poolMinIdle is " + poolMinIdle + "; use 0..poolMaxTotal (" + poolMaxTotal + ")");
            }
            if (clusterMaxAttempts < 1 || clusterMaxAttempts > 10) {
                problems.add("clusterMaxAttempts is " + clusterMaxAttempts + "; use 1..10 (default 2)");
            }
            if (keyPrefix == null || !PREFIX.matcher(keyPrefix).matches()) {
                problems.add("keyPrefix '" + keyPrefix + "' must be 1..64 characters of A-Z a-z 0-9 _ . -"
                        + " (default gwc)");
            }
            if (shardsPerCache < 1 || shardsPerCache > 1024) {
                problems.add("shardsPerCache is " + shardsPerCache + "; use 1..1024 (default 8)");
            }
            if (breakerFailureThreshold < 1 || breakerFailureThreshold > 1000) {
                problems.add("breakerFailureThreshold is " + breakerFailureThreshold + "; use 1..1000 (default 5)");
            }
            if (deleteScanCount < 10 || deleteScanCount > 100_000) {
                problems.add("deleteScanCount is " + deleteScanCount + "; use 10..100000 (default 1000)");
            }
            if (syncRangeDeleteLimit < 0 || syncRangeDeleteLimit > 1_000_000) {
                problems.add("syncRangeDeleteLimit is " + syncRangeDeleteLimit + "; use 0..1000000 (default 4096)");
            }
            if (nearCacheMaxBytes < 0) {
                problems.add("nearCacheMaxBytes is " + nearCacheMaxBytes + "; use 0 (off) or a size in bytes");
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
            return new RedisTileStoreConfig(
                    topology,
                    nodes.stream().map(String::trim).toList(),
                    sentinelMasterName,
                    user,
                    password,
                    database,
                    tls,
                    tlsTrustStore,
                    tlsTrustStorePassword,
                    connectTimeout,
                    readTimeout,
                    poolMaxTotal,
                    poolMinIdle,
                    poolBorrowTimeout,
                    clusterMaxAttempts,
                    keyPrefix,
                    shardsPerCache,
                    tileTtl,
                    breakerFailureThreshold,
                    breakerOpenDuration,
                    deleteScanCount,
                    deleteBatchPause,
                    syncRangeDeleteLimit,
                    nearCacheMaxBytes);
        }

        private static void checkDuration(List<String> problems, String name, Duration d, Duration min, Duration max) {
            if (d == null) {
                problems.add(name + " is missing; use a duration between " + min.toMillis() + "ms and " + max.toMillis()
                        + "ms");
            } else if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                problems.add(name + " is " + d.toMillis() + "ms; use between " + min.toMillis() + "ms and "
                        + max.toMillis() + "ms");
            }
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    public RedisTileStoreConfig {
        Objects.requireNonNull(topology);
        nodes = List.copyOf(nodes);
    }
}
